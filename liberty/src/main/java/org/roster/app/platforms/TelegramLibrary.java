package org.roster.app.platforms;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.platform.telegram.JnaTdJson;
import org.roster.platform.telegram.TdJson;
import org.roster.platform.telegram.TdLib;
import org.roster.platform.telegram.TdlibVersion;

/**
 * The TDLib this server links Telegram accounts with. TDLib is the operator's:
 * {@code roster.telegram.tdjson} is the path of {@code libtdjson}, loaded through JNA once, and
 * refused when its version is not the one Roster is tested with (unless the operator allows it).
 * {@code class:} and a class name instead loads an implementation of {@link TdJson} from the
 * server's libraries, which is how the tests put the Telegram emulator in TDLib's place.
 *
 * <pre>{@code
 * TdLib tdlib = library.load();   // throws, saying what to set, when TDLib is not set up
 * }</pre>
 */
@ApplicationScoped
public class TelegramLibrary {

    private static final Logger LOG = Logger.getLogger(TelegramLibrary.class.getName());

    @Inject @ConfigProperty(name = "roster.telegram.tdjson")
    Optional<String> tdjson;

    @Inject @ConfigProperty(name = TdlibVersion.ALLOW_UNTESTED, defaultValue = "false")
    boolean allowUntestedVersion;

    private TdLib tdlib;

    /** Whether the operator named a TDLib for this server. */
    boolean configured() {
        return tdjson.filter(t -> !t.isBlank()).isPresent();
    }

    /** TDLib, loaded at the first call. */
    synchronized TdLib load() {
        if (tdlib == null) {
            String where = tdjson.filter(t -> !t.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "Telegram is not set up on this server: the operator sets roster.telegram.tdjson (the path of "
                    + "libtdjson), roster.telegram.api-id and roster.telegram.api-hash."));
            TdJson td;
            if (where.startsWith("class:")) {
                try {
                    td = (TdJson) Class.forName(where.substring(6).strip(), true,
                            Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new IllegalStateException("roster.telegram.tdjson names a class that is not a TdJson Roster "
                            + "can make: " + where, e);
                }
            } else {
                try {
                    td = JnaTdJson.load(Path.of(where));
                } catch (JnaTdJson.LibraryUnavailable e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            try {
                String version = TdlibVersion.tested().require(td, allowUntestedVersion);
                LOG.info("Telegram: TDLib " + version + " loaded (Roster is tested with " + TdlibVersion.TESTED + ")");
            } catch (TdlibVersion.UntestedVersion e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            tdlib = new TdLib(td);
        }
        return tdlib;
    }
}
