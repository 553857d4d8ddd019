package claim837

// Generate makes n synthetic claims for seed: simulate.Claims with zero options, for the tests
// of this package. simulate imports claim837, so only an external test file can call it:
// simulate_test.go sets it.
var Generate func(n int, seed uint64) *Batch
