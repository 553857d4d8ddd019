//go:build race

package guidetest

// RaceEnabled reports whether the race detector is on: allocation counts are not exact then
// (the runtime's pools drop items at random), so tests of them skip.
const RaceEnabled = true
