package org.sn1gateway.app.cli;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;
import org.sn1gateway.adapters.wallet.WalletException;
import org.sn1gateway.app.config.GatewayConfiguration;

/**
 * Dropwizard's {@code server} command, except that a configuration it cannot accept or a wallet it cannot use
 * ends the start with its message alone: the operator has a file to fix, not a bug to report. Anything else
 * still prints its stack trace.
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
            if (cause instanceof ConfigurationException configuration) {
                cli.getStdErr().println("sn1-gateway: " + configuration.getMessage().strip());
                return;
            }
        }
        super.onError(cli, namespace, error);
    }
}
