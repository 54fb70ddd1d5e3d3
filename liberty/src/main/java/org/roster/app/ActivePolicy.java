package org.roster.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyParser;

/**
 * The policy runs use: {@code roster.policy} names a bundled policy or a policy file. A file that
 * can't be read or is invalid stops the run before anything is read or delivered.
 */
@ApplicationScoped
public class ActivePolicy {

    @Inject
    RosterSettings settings;

    /** The active policy, read afresh so an edited file takes effect at the next run. */
    public Policy load() throws InvalidPolicyException {
        String name = settings.policy().strip();
        if (Policies.BUNDLED.contains(name)) {
            return Policies.bundled(name);
        }
        Path file = Path.of(name);
        try {
            return PolicyParser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("roster.policy \"" + name + "\" is neither a bundled policy "
                    + Policies.BUNDLED + " nor a readable policy file", e);
        }
    }

    /** The text of the active policy, as a compliance officer reads it. */
    public String text() throws IOException {
        String name = settings.policy().strip();
        return Policies.BUNDLED.contains(name) ? Policies.text(name)
                : Files.readString(Path.of(name), StandardCharsets.UTF_8);
    }
}
