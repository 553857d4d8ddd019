package x12

// CheckEverySegment makes sr check every segment's elements, even one it has seen clean
// (for tests that compare with the memo).
func CheckEverySegment(sr *SetReader) { sr.noMemo = true }
