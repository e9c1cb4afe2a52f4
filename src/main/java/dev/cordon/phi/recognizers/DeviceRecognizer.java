package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/** Device identifiers and serial numbers: labeled values and GS1 UDIs "(01)nnnnnnnnnnnnnn...". */
final class DeviceRecognizer extends LabeledIdRecognizer {

    DeviceRecognizer() {
        super("device", PhiType.DEVICE_IDENTIFIER,
                "serial|s/n|sn|device|device id|udi|imei|meid|mac address|implant id|pacemaker serial",
                List.of(NamedPattern.of("udi", "\\(01\\)\\d{14}(?:\\(\\d{2}\\)[A-Za-z0-9]{1,20}+){0,4}+", 0.85, Starts.symbols("(")),
                        NamedPattern.of("mac", "\\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}\\b", 0.6, Starts.of(Starts.Kind.HEX_COLON))),
                Set.of("serial", "device", "udi", "imei", "pacemaker", "implant", "pump", "sn"));
    }
}
