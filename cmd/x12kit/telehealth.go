package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/x12kit/x12kit/codes"
)

func init() {
	register(command{
		name:    "telehealth",
		usage:   "telehealth --date D --payer P --modality M --setting S [--provider K] [--code C] [--json]",
		summary: "the place of service, modifiers and warnings the telehealth coding policy gives for a visit",
		run:     runTelehealth,
	})
}

var (
	modalities = map[string]codes.Modality{"video": codes.AudioVideo, "audio": codes.AudioOnly, "async": codes.StoreAndForward}
	settings   = map[string]codes.Setting{"home": codes.Home, "facility": codes.OtherSite}
	providers  = map[string]codes.ProviderKind{"practice": codes.Practice, "rhc": codes.RHC, "fqhc": codes.FQHC,
		"cah2": codes.CAH2, "otp": codes.OTP}
)

var errPayer = errors.New("--payer must be medicare, medicaid:XX (a state) or commercial[:NAME]")

// parsePayer reads medicare, medicaid:XX or commercial[:NAME].
func parsePayer(s string) (codes.Payer, error) {
	kind, rest, _ := strings.Cut(s, ":")
	switch strings.ToLower(kind) {
	case "medicare":
		if rest == "" {
			return codes.Payer{Kind: codes.Medicare}, nil
		}
	case "medicaid":
		st := strings.ToUpper(rest)
		if codes.Default().Contains("us-state", st) {
			return codes.Payer{Kind: codes.Medicaid, State: st}, nil
		}
	case "commercial":
		return codes.Payer{Kind: codes.Commercial, Name: rest}, nil
	}
	return codes.Payer{}, errPayer
}

func runTelehealth(e env, args []string) int {
	c := commands["telehealth"]
	fs := newFlags(e, c)
	dateFlag := fs.String("date", "", "date of service as YYYY-MM-DD (required)")
	payerFlag := fs.String("payer", "", "medicare, medicaid:XX (state) or commercial[:NAME] (required)")
	modFlag := fs.String("modality", "", "video, audio or async (required)")
	setFlag := fs.String("setting", "", "where the patient is: home or facility (required)")
	provFlag := fs.String("provider", "practice", "practice, rhc, fqhc, cah2 or otp")
	codeFlag := fs.String("code", "", "CPT or HCPCS code of the service")
	behavioral := fs.Bool("behavioral", false, "the visit treats a mental health or substance use disorder")
	stroke := fs.Bool("stroke", false, "acute stroke care (Medicare modifier G0)")
	state := fs.String("patient-state", "", "two-letter state where the patient is (Medicare store-and-forward)")
	asJSON := fs.Bool("json", false, "print one JSON document")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	usage := func(msg string) int {
		fmt.Fprintln(e.stderr, "x12kit telehealth: "+msg)
		fs.Usage()
		return exitUsage
	}
	if fs.NArg() != 0 {
		return usage("takes no arguments")
	}
	dos, err := parseDay(*dateFlag)
	if err != nil {
		return usage("--date must be YYYY-MM-DD")
	}
	payer, err := parsePayer(*payerFlag)
	if err != nil {
		return usage(err.Error())
	}
	mod, ok := modalities[*modFlag]
	if !ok {
		return usage("--modality must be video, audio or async")
	}
	set, ok := settings[*setFlag]
	if !ok {
		return usage("--setting must be home or facility")
	}
	prov, ok := providers[*provFlag]
	if !ok {
		return usage("--provider must be practice, rhc, fqhc, cah2 or otp")
	}
	d, err := codes.Decide(codes.Visit{DateOfService: dos, Payer: payer, Modality: mod, Setting: set,
		Provider: prov, Code: strings.ToUpper(*codeFlag), Behavioral: *behavioral, AcuteStroke: *stroke,
		PatientState: strings.ToUpper(*state)})
	if err != nil {
		return usage(err.Error())
	}
	if *asJSON {
		if err := writeJSON(e, d); err != nil {
			return exitUsage
		}
		return exitOK
	}
	pos := d.POS
	if pos == "" {
		pos = "(none: institutional claim)"
	}
	mods := strings.Join(d.Modifiers, " ")
	if mods == "" {
		mods = "(none)"
	}
	fmt.Fprintf(e.stdout, "date       %s\npos        %s\nmodifiers  %s\n", dos.Format(time.DateOnly), pos, mods)
	for _, w := range d.Warnings {
		fmt.Fprintf(e.stdout, "warning    %s: %s\n", w.Code, w.Message)
	}
	return exitOK
}
