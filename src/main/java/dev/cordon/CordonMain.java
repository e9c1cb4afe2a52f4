package dev.cordon;

import dev.cordon.phi.cli.PhiCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * Entry point. {@code phi ...} runs the batch PHI tool without starting the gateway (no database,
 * Redis or network needed); anything else starts the gateway.
 */
@QuarkusMain
public final class CordonMain {

    private CordonMain() {}

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("phi")) {
            System.exit(PhiCli.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
