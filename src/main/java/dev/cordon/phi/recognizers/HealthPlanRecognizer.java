package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Health-plan beneficiary numbers: labeled ("insurance ID", "policy #", "Medicare") and Medicare
 * Beneficiary Identifiers, whose CMS format is checked position by position.
 * Immutable and thread-safe.
 */
final class HealthPlanRecognizer extends LabeledIdRecognizer {

    private static final String L = "[AC-HJKMNP-RT-Y]";
    private static final String LD = "[AC-HJKMNP-RT-Y0-9]";

    HealthPlanRecognizer() {
        super("health-plan", PhiType.HEALTH_PLAN_BENEFICIARY_NUMBER,
                "insurance|insur|insurer|ins|policy|health plan|insurance plan|plan id|plan no|plan number|"
                        + "plan #|member id|member no|member number|member #|subscriber|beneficiary|medicare|medicaid|"
                        + "mbi|hicn|hbn|hpbn|beneficiary no|beneficiary number|group no|group number|group id|group #|payer id|hmo|ppo|bcbs|tricare",
                List.of(NamedPattern.of("mbi", "\\b[1-9]" + L + LD + "\\d-?" + L + LD + "\\d-?" + L + L + "\\d{2}\\b", 0.6, Starts.digits(1, 1, null))),
                Set.of("insurance", "policy", "plan", "member", "medicare", "medicaid", "beneficiary", "mbi",
                        "subscriber", "insurer", "payer"));
    }

    @Override
    double validate(CharSequence text, int start, int end, NamedPattern pattern, double score) {
        if (pattern.name().equals("mbi")) {
            return Checksums.mbi(text.subSequence(start, end).toString()) ? 0.85 : 0.0;
        }
        return score;
    }
}
