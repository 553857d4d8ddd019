package x12

// MaxAmountDigits is the most digits a monetary amount (element 782, type R) may have in a
// HIPAA 5010 guide: 10, sign and decimal point not counted (X12 RFI 1526), where the X12
// dictionary allows 18.
const MaxAmountDigits = 10
