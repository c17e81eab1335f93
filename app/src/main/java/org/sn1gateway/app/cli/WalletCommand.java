package org.sn1gateway.app.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.security.SecureRandom;
import java.util.HexFormat;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.sn1gateway.adapters.crypto.Bip39;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.adapters.wallet.HotkeyWriter;
import org.sn1gateway.adapters.wallet.WalletLoader;
import org.sn1gateway.adapters.wallet.WalletLocation;

/**
 * {@code wallet create} writes a hotkey of a new 12-word mnemonic and shows the mnemonic once;
 * {@code wallet regen --mnemonic WORDS} writes the hotkey of given words; {@code wallet inspect} prints a
 * hotkey's SS58 address and public key (never its secret); {@code wallet sign --message TEXT} prints a
 * {@code 0x} sr25519 signature of the message's UTF-8 bytes.
 */
public final class WalletCommand extends Command {
    private static final SecureRandom RANDOM = new SecureRandom();

    public WalletCommand() {
        super("wallet", "Creates, regenerates or inspects a bittensor hotkey, or signs a message with it");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create", "regen", "inspect", "sign")
                .help("write a new hotkey, write the hotkey of a mnemonic, inspect the hotkey, or sign a message");
        subparser.addArgument("--wallet-path").setDefault(WalletLocation.DEFAULT_PATH).help("the wallets folder");
        subparser.addArgument("--wallet").setDefault("default").help("the wallet (coldkey) name");
        subparser.addArgument("--hotkey").setDefault("default").help("the hotkey name");
        subparser.addArgument("--message").help("the text to sign (wallet sign)");
        subparser.addArgument("--mnemonic").help("the hotkey's 12 to 24 BIP-39 words, quoted (wallet regen)");
        subparser.addArgument("--overwrite").action(Arguments.storeTrue())
                .help("replace an existing hotkey file (wallet create, wallet regen)");
    }

    /** A wallet problem is the user's to fix: one line, no stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        cli.getStdErr().println("wallet " + namespace.getString("action") + ": " + error.getMessage());
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        WalletLocation location = new WalletLocation(namespace.getString("wallet_path"), namespace.getString("wallet"),
                namespace.getString("hotkey"));
        boolean overwrite = namespace.getBoolean("overwrite");
        switch (namespace.getString("action")) {
            case "create" -> {
                String mnemonic = Bip39.generate(RANDOM);
                describe(HotkeyWriter.write(location, mnemonic, overwrite), location);
                System.out.println("mnemonic: " + mnemonic);
                System.out.println("Write these 12 words down now and keep them offline: they are shown only this"
                        + " once, anyone who has them controls the hotkey, and they are the only way to rebuild it"
                        + " (wallet regen --mnemonic) if the file is lost.");
            }
            case "regen" -> {
                String mnemonic = namespace.getString("mnemonic");
                if (mnemonic == null) {
                    throw new IllegalArgumentException("wallet regen needs --mnemonic \"WORD WORD ...\"");
                }
                describe(HotkeyWriter.write(location, mnemonic, overwrite), location);
            }
            case "inspect" -> describe(WalletLoader.load(location), location);
            default -> {
                String message = namespace.getString("message");
                if (message == null) {
                    throw new IllegalArgumentException("wallet sign needs --message TEXT");
                }
                System.out.println(WalletLoader.load(location).sign(message).orElseThrow());
            }
        }
    }

    private static void describe(Hotkey hotkey, WalletLocation location) {
        System.out.println("ss58_address: " + hotkey.hotkey());
        System.out.println("public_key: 0x" + HexFormat.of().formatHex(hotkey.publicKey()));
        System.out.println("hotkey_file: " + location.hotkeyFile());
    }
}
