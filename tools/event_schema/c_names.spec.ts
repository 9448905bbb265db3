import { bitsExpression, dynamicTableId, eventCodeName, paramsArrayName, scapName, valueTableId, valuesArrayName, variantsArrayName } from "./c_names";

describe("C names", () => {
  const cases: readonly [string, (input: string) => string, string, string][] = [
    ["event codes replace PPME_ with SCAP_EV_", eventCodeName, "PPME_SYSCALL_OPEN_X", "SCAP_EV_SYSCALL_OPEN_X"],
    ["event codes keep version suffixes", eventCodeName, "PPME_SYSCALL_OPENAT_2_E", "SCAP_EV_SYSCALL_OPENAT_2_E"],
    ["param types", scapName, "PT_FD", "SCAP_PT_FD"],
    ["print formats", scapName, "PF_10_PADDED_DEC", "SCAP_PF_10_PADDED_DEC"],
    ["categories", scapName, "EC_IO_READ", "SCAP_EC_IO_READ"],
    ["event flags", scapName, "EF_LARGE_PAYLOAD", "SCAP_EF_LARGE_PAYLOAD"],
    ["value table ids", valueTableId, "errno_names", "SCAP_VT_ERRNO_NAMES"],
    ["dynamic table ids", dynamicTableId, "sockopt_dynamic_param", "SCAP_DT_SOCKOPT_DYNAMIC_PARAM"],
    ["parameter arrays", paramsArrayName, "PPME_SYSCALL_OPEN_X", "params_syscall_open_x"],
    ["value arrays", valuesArrayName, "file_flags", "values_file_flags"],
    ["variant arrays", variantsArrayName, "bpf_dynamic_param", "variants_bpf_dynamic_param"],
  ];
  for (const [what, name, input, expected] of cases) {
    it(`names ${what}: ${input} -> ${expected}`, () => {
      expect(name(input)).toBe(expected);
    });
  }

  it("writes bits as an or of SCAP_ names, and the none value for an empty list", () => {
    expect(bitsExpression(["EC_FILE", "EC_SYSCALL"], "EC_UNKNOWN")).toBe("SCAP_EC_FILE | SCAP_EC_SYSCALL");
    expect(bitsExpression([], "EF_NONE")).toBe("SCAP_EF_NONE");
  });
});
