// Builds capture files byte by byte for the tests: every block type and layout the format
// allows, including ones no writer of ours produces (old versions, legacy codes, bad lengths).
#ifndef SCAP_TEST_CAPTURE_BUILDER_HH
#define SCAP_TEST_CAPTURE_BUILDER_HH

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>
#include <zlib.h>

namespace scaptest
{

// Little-endian byte string with typed appends.
class Bytes
{
      public:
	template <typename T> Bytes &put(T value)
	{
		data_.append(reinterpret_cast<const char *>(&value), sizeof(value));
		return *this;
	}
	Bytes &u8(uint8_t v)
	{
		return put(v);
	}
	Bytes &u16(uint16_t v)
	{
		return put(v);
	}
	Bytes &u32(uint32_t v)
	{
		return put(v);
	}
	Bytes &u64(uint64_t v)
	{
		return put(v);
	}
	Bytes &i64(int64_t v)
	{
		return put(v);
	}
	Bytes &raw(const std::string &s)
	{
		data_ += s;
		return *this;
	}
	// A string literal, embedded NULs included (its last, terminating NUL excluded).
	template <size_t N> Bytes &raw(const char (&literal)[N])
	{
		data_.append(literal, N - 1);
		return *this;
	}
	// A u16-length string without NUL, as the metadata lists store them.
	Bytes &str(const std::string &s)
	{
		u16(static_cast<uint16_t>(s.size()));
		return raw(s);
	}
	const std::string &str() const
	{
		return data_;
	}
	size_t size() const
	{
		return data_.size();
	}

      private:
	std::string data_;
};

// A parameter value as raw bytes.
inline std::string param_u64(uint64_t v)
{
	return Bytes().u64(v).str();
}
inline std::string param_cstr(const std::string &s)
{
	return s + std::string(1, '\0');
}

class Capture
{
      public:
	// Frames a body as a block: header, body, zero padding to 4 bytes, trailer.
	Capture &block(uint32_t type, const std::string &body)
	{
		uint32_t total = static_cast<uint32_t>((8 + body.size() + 4 + 3) & ~size_t(3));
		Bytes b;
		b.u32(type)
		    .u32(total)
		    .raw(body)
		    .raw(std::string(total - 12 - body.size(), '\0'))
		    .u32(total);
		data_ += b.str();
		return *this;
	}
	Capture &section(uint16_t major = 1, uint16_t minor = 2, uint32_t magic = 0x1A2B3C4D)
	{
		return block(0x0A0D0D0A, Bytes().u32(magic).u16(major).u16(minor).u64(~0ull).str());
	}
	Capture &machine(const std::string &host = "testbox", uint32_t cpus = 4)
	{
		Bytes b;
		b.u32(cpus)
		    .u64(8ull << 30)
		    .u64(32768)
		    .raw(host)
		    .raw(std::string(128 - host.size(), '\0'));
		b.u64(1700000000000000000ull).u64(0).u64(0).u64(0);
		return block(0x201, b.str());
	}
	static std::string event_v2_record(uint64_t ts, uint64_t tid, uint16_t type,
	                                   const std::vector<std::string> &params,
	                                   bool wide = false)
	{
		Bytes lengths, values;
		for (const auto &p : params) {
			if (wide)
				lengths.u32(static_cast<uint32_t>(p.size()));
			else
				lengths.u16(static_cast<uint16_t>(p.size()));
			values.raw(p);
		}
		Bytes r;
		uint32_t len = static_cast<uint32_t>(26 + lengths.size() + values.size());
		r.u64(ts).u64(tid).u32(len).u16(type).u32(static_cast<uint32_t>(params.size()));
		return r.raw(lengths.str()).raw(values.str()).str();
	}
	Capture &event_v2(uint64_t ts, uint64_t tid, uint16_t type,
	                  const std::vector<std::string> &params, uint16_t cpu = 0,
	                  uint32_t flags = 0, uint32_t block_type = 0)
	{
		bool wide = type == 322 || type == 324 || type == 402;
		Bytes b;
		b.u16(cpu);
		if (flags)
			b.u32(flags);
		b.raw(event_v2_record(ts, tid, type, params, wide));
		if (!block_type)
			block_type = wide ? (flags ? 0x222 : 0x221) : (flags ? 0x217 : 0x216);
		return block(block_type, b.str());
	}
	Capture &event_v1(uint64_t ts, uint64_t tid, uint16_t type,
	                  const std::vector<std::string> &params, uint16_t cpu = 0,
	                  uint32_t flags = 0, uint32_t block_type = 0)
	{
		Bytes lengths, values;
		for (const auto &p : params) {
			lengths.u16(static_cast<uint16_t>(p.size()));
			values.raw(p);
		}
		Bytes b;
		b.u16(cpu);
		if (flags)
			b.u32(flags);
		uint32_t len = static_cast<uint32_t>(22 + lengths.size() + values.size());
		b.u64(ts).u64(tid).u32(len).u16(type).raw(lengths.str()).raw(values.str());
		return block(block_type ? block_type : (flags ? 0x208 : 0x204), b.str());
	}
	Capture &raw(const std::string &bytes)
	{
		data_ += bytes;
		return *this;
	}
	const std::string &bytes() const
	{
		return data_;
	}

	// Writes the capture to a fresh file under the test's temporary folder.
	std::string write(const std::string &name, bool gzip = false) const
	{
		const char *dir = std::getenv("TEST_TMPDIR");
		std::string path = std::string(dir ? dir : "/tmp") + "/" + name;
		if (gzip) {
			gzFile gz = gzopen(path.c_str(), "wb");
			gzwrite(gz, data_.data(), static_cast<unsigned>(data_.size()));
			gzclose(gz);
		} else {
			std::ofstream(path, std::ios::binary) << data_;
		}
		return path;
	}

      private:
	std::string data_;
};

} // namespace scaptest

#endif
