package org.sn1gateway.app.cli;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;
import org.sn1gateway.adapters.wallet.WalletException;
import org.sn1gateway.app.config.GatewayConfiguration;

/**
 * Dropwizard's {@code server} command, except that a wallet it cannot use ends the start with one line: the
 * operator has a file to fix, not a bug to report. Anything else still prints its stack trace.
 */
public final class GatewayServerCommand extends ServerCommand<GatewayConfiguration> {
    public GatewayServerCommand(Application<GatewayConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WalletException wallet) {
                cli.getStdErr().println("sn1-gateway: " + wallet.getMessage());
                return;
            }
        }
        super.onError(cli, namespace, error);
    }
}
