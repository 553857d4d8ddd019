package remit835

// Adjudicated is the simulated payer's answer to n synthetic claims for seed
// (simulate.Adjudicate over simulate.Claims with zero options), for the tests of this package.
// simulate imports remit835, so only an external test file can call it: simulate_test.go
// sets it.
var Adjudicated func(n int, seed uint64) []*Remittance
