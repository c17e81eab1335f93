package org.sn1gateway.app.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.util.HexFormat;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.adapters.wallet.WalletException;
import org.sn1gateway.adapters.wallet.WalletLoader;
import org.sn1gateway.adapters.wallet.WalletLocation;

/**
 * {@code wallet inspect} prints a hotkey's SS58 address and public key (never its secret);
 * {@code wallet sign --message TEXT} prints a {@code 0x} sr25519 signature of the message's UTF-8 bytes.
 */
public final class WalletCommand extends Command {
    public WalletCommand() {
        super("wallet", "Inspects a bittensor hotkey or signs a message with it");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("inspect", "sign").help("inspect the hotkey, or sign a message");
        subparser.addArgument("--wallet-path").setDefault(WalletLocation.DEFAULT_PATH).help("the wallets folder");
        subparser.addArgument("--wallet").setDefault("default").help("the wallet (coldkey) name");
        subparser.addArgument("--hotkey").setDefault("default").help("the hotkey name");
        subparser.addArgument("--message").help("the text to sign (wallet sign)");
    }

    /** A wallet problem is the user's to fix: one line, no stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("wallet " + namespace.getString("action") + ": " + error.getMessage());
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        Hotkey hotkey;
        try {
            hotkey = WalletLoader.load(new WalletLocation(namespace.getString("wallet_path"),
                    namespace.getString("wallet"), namespace.getString("hotkey")));
        } catch (WalletException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if ("inspect".equals(namespace.getString("action"))) {
            System.out.println("ss58_address: " + hotkey.hotkey());
            System.out.println("public_key: 0x" + HexFormat.of().formatHex(hotkey.publicKey()));
            return;
        }
        String message = namespace.getString("message");
        if (message == null) {
            throw new IllegalArgumentException("wallet sign needs --message TEXT");
        }
        System.out.println(hotkey.sign(message).orElseThrow());
    }

}
