package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/** Medical record numbers, recognised by their label ("MRN", "med rec #", "chart no."). */
final class MedicalRecordRecognizer extends LabeledIdRecognizer {

    MedicalRecordRecognizer() {
        super("mrn", PhiType.MEDICAL_RECORD_NUMBER,
                "mrn|mr#|mr no|mr number|medical record|medical rec|med rec|medrec|med\\. rec|chart|hospital no|"
                        + "hospital number|patient no|patient number|unit no|emr|ehr|record no|record number",
                List.of(), Set.of("mrn", "medical", "record", "chart", "mr", "medrec"));
    }
}
