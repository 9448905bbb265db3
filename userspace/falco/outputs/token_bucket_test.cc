// The token bucket behind outputs.rate / outputs.max_burst, on a clock the test moves.
#include "outputs/token_bucket.h"

#include <gtest/gtest.h>

namespace falco::outputs_detail {
namespace {

constexpr uint64_t kSecond = 1000000000;

// How many tokens can be taken right now.
int drain(TokenBucket& bucket) {
    int taken = 0;
    while (taken < 1000000 && bucket.take()) {
        ++taken;
    }
    return taken;
}

TEST(TokenBucketTest, StartsFull) {
    uint64_t now = 5 * kSecond;
    TokenBucket bucket(1, 3, [&] { return now; });
    EXPECT_EQ(drain(bucket), 3);
    EXPECT_FALSE(bucket.take());
}

TEST(TokenBucketTest, RefillsAtTheRate) {
    uint64_t now = 0;
    TokenBucket bucket(2, 10, [&] { return now; });
    EXPECT_EQ(drain(bucket), 10);
    now += kSecond;
    EXPECT_EQ(drain(bucket), 2);
    now += kSecond / 2;
    EXPECT_EQ(drain(bucket), 1);
    now += kSecond / 4;
    EXPECT_EQ(drain(bucket), 0);
    now += kSecond / 4; // the half token left over counts
    EXPECT_EQ(drain(bucket), 1);
}

TEST(TokenBucketTest, FractionalRate) {
    uint64_t now = 0;
    TokenBucket bucket(0.5, 1, [&] { return now; });
    EXPECT_TRUE(bucket.take());
    now += kSecond;
    EXPECT_FALSE(bucket.take());
    now += kSecond;
    EXPECT_TRUE(bucket.take());
}

TEST(TokenBucketTest, NeverHoldsMoreThanMaxBurst) {
    uint64_t now = 0;
    TokenBucket bucket(100, 4, [&] { return now; });
    EXPECT_EQ(drain(bucket), 4);
    now += 3600 * kSecond;
    EXPECT_EQ(drain(bucket), 4);
}

TEST(TokenBucketTest, ClockGoingBackGivesNothing) {
    uint64_t now = 10 * kSecond;
    TokenBucket bucket(1, 2, [&] { return now; });
    EXPECT_EQ(drain(bucket), 2);
    now = 0;
    EXPECT_EQ(drain(bucket), 0);
    now = 10 * kSecond;
    EXPECT_EQ(drain(bucket), 0);
}

TEST(TokenBucketTest, ZeroCapacityDropsEverything) {
    uint64_t now = 0;
    TokenBucket bucket(1, 0, [&] { return now; });
    now += 10 * kSecond;
    EXPECT_FALSE(bucket.take());
}

TEST(TokenBucketTest, MonotonicClockAdvances) {
    uint64_t first = monotonic_now_ns();
    EXPECT_LE(first, monotonic_now_ns());
}

} // namespace
} // namespace falco::outputs_detail
