package org.alignlab.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.alignlab.core.CancellationToken;

/** Entry point of the {@code alignlab} command: sets the offline switches, handles Ctrl-C, exits with the code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Every launch path is offline: DJL must never try the network.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        CancellationToken cancel = new CancellationToken();
        Cli cli = Cli.standard(out, err, cancel);
        Interrupts.install(cli, cancel, err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
