package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiRecognizer;
import java.util.List;

/**
 * The built-in recognizers, in a fixed order (no classpath scanning, so native images need no
 * configuration). Every returned recognizer is immutable and thread-safe; the list is shared.
 */
public final class Recognizers {

    private Recognizers() {
    }

    public static List<PhiRecognizer> all() {
        return Holder.ALL;
    }

    /**
     * Drops the per-thread scan caches that recognizers share for one window, so no text (which
     * may be PHI) stays referenced after an analysis. The analyzer calls this when it is done.
     */
    public static void clearThreadCaches() {
        Candidates.clear();
        WordTokens.clear();
    }

    private static final class Holder {
        static final List<PhiRecognizer> ALL = List.of(
                new NameRecognizer(), new FacilityRecognizer(), new GazetteerRecognizer(), new AddressRecognizer(),
                new DateRecognizer(), new AgeRecognizer(), new PhoneRecognizer(), new FaxRecognizer(),
                new EmailRecognizer(), new SsnRecognizer(), new MedicalRecordRecognizer(), new HealthPlanRecognizer(),
                new AccountNumberRecognizer(), new LicenseRecognizer(), new VehicleRecognizer(),
                new DeviceRecognizer(), new UrlRecognizer(), new IpAddressRecognizer(), new BiometricRecognizer(),
                new UniqueIdRecognizer());
    }
}
