package org.sn1gateway.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import org.sn1gateway.adapters.wallet.Hotkey;
import org.sn1gateway.adapters.wallet.WalletException;
import org.sn1gateway.adapters.wallet.WalletLoader;
import org.sn1gateway.adapters.wallet.WalletLocation;

/** The {@code wallet:} of a network: the validator hotkey that signs requests to miners. */
public class WalletSettings {
    @NotBlank
    @JsonProperty
    private String path = WalletLocation.DEFAULT_PATH;

    @NotBlank
    @JsonProperty
    private String name = "default";

    @NotBlank
    @JsonProperty
    private String hotkey = "default";

    /** Loads the hotkey; a missing or unreadable wallet stops the start with one clear line (GatewayServerCommand). */
    public Hotkey load() {
        try {
            return WalletLoader.load(new WalletLocation(path, name, hotkey));
        } catch (WalletException e) {
            throw new WalletException("cannot load the validator hotkey: " + e.getMessage());
        }
    }
}
