package org.sn1gateway.adapters.wallet;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a bittensor hotkey lives: {@code <walletPath>/<wallet>/hotkeys/<hotkey>} (bittensor.md §3.1).
 *
 * @param walletPath the wallets folder, {@code ~/.bittensor/wallets} by default; a leading {@code ~} is the home folder
 */
public record WalletLocation(String walletPath, String wallet, String hotkey) {
    public static final String DEFAULT_PATH = "~/.bittensor/wallets";

    public WalletLocation {
        Objects.requireNonNull(walletPath, "walletPath");
        requireName(wallet, "wallet");
        requireName(hotkey, "hotkey");
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw new WalletException("the " + what + " name must be a plain file name, was '" + name + "'");
        }
    }

    public Path hotkeyFile() {
        return expandHome(walletPath).resolve(wallet).resolve("hotkeys").resolve(hotkey);
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(home() + path.substring(1));
        }
        return Path.of(path);
    }

    /**
     * {@code $HOME}, as the shell and the SDK's {@code os.path.expanduser} read it, else the account's home.
     * Java's {@code user.home} alone comes from the password database, so with another {@code HOME} the
     * default folder and an explicit {@code --wallet-path ~/...} would be two different folders.
     */
    private static String home() {
        String home = System.getenv("HOME");
        return home == null || home.isBlank() ? System.getProperty("user.home") : home;
    }

    @Override
    public String toString() {
        return "wallet '" + wallet + "', hotkey '" + hotkey + "' (" + hotkeyFile() + ")";
    }
}
