// The yardstick of the start-up benchmark: the smallest Swift program that prints a
// line, built with the same toolchain and `-c release` as docksim.
print("hello")
