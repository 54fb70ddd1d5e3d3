package org.roster.platform.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * {@link TdJson} over the operator's own {@code libtdjson}, loaded through JNA from a configured
 * path. Roster does not ship TDLib: the operator builds it (or takes it from a trusted package)
 * for the server's platform and says where it is.
 *
 * <pre>{@code
 * TdJson td = JnaTdJson.load(Path.of("/opt/tdlib/lib/libtdjson.so"));
 * }</pre>
 */
public final class JnaTdJson implements TdJson {

    /** The C functions, as JNA binds them; strings cross as UTF-8. */
    interface TdJsonLibrary extends Library {
        int td_create_client_id();

        void td_send(int clientId, String request);

        String td_receive(double timeout);

        String td_execute(String request);
    }

    private static final String[] FUNCTIONS = {"td_create_client_id", "td_send", "td_receive", "td_execute"};

    private final TdJsonLibrary library;

    private JnaTdJson(TdJsonLibrary library) {
        this.library = library;
    }

    /**
     * Loads {@code libtdjson} from the given file.
     *
     * @throws LibraryUnavailable if the file is missing, is not a library for this platform, or
     *                            lacks TDLib's JSON functions
     */
    public static JnaTdJson load(Path libraryFile) throws LibraryUnavailable {
        Objects.requireNonNull(libraryFile, "libraryFile");
        Path path = libraryFile.toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new LibraryUnavailable("there is no TDLib library at " + path + ": Roster does not ship TDLib; "
                    + "build libtdjson for this platform (or install it from a trusted package) and configure its path",
                    null);
        }
        NativeLibrary loaded;
        try {
            loaded = NativeLibrary.getInstance(path.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new LibraryUnavailable("the file " + path + " can't be loaded as a TDLib library for this platform ("
                    + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "): Roster does not ship "
                    + "TDLib; configure the path of a libtdjson built for this platform", e);
        }
        for (String function : FUNCTIONS) {
            try {
                loaded.getFunction(function);
            } catch (UnsatisfiedLinkError e) {
                throw new LibraryUnavailable("the library " + path + " has no function " + function
                        + ", so it is not TDLib's libtdjson (or is older than TDLib 1.7): Roster does not ship TDLib; "
                        + "configure the path of a current libtdjson", e);
            }
        }
        TdJsonLibrary library = Native.load(path.toString(), TdJsonLibrary.class,
                Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        return new JnaTdJson(library);
    }

    @Override
    public int createClientId() {
        return library.td_create_client_id();
    }

    @Override
    public void send(int clientId, String request) {
        library.td_send(clientId, request);
    }

    @Override
    public String receive(double timeoutSeconds) {
        return library.td_receive(timeoutSeconds);
    }

    @Override
    public String execute(String request) {
        return library.td_execute(request);
    }

    /** TDLib could not be loaded; the message names the path and what to do. */
    public static final class LibraryUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        LibraryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
