package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every case of {@link ChangeDetectionTest} again, with a source that digests each entry's content as
 * it arrives (as the LDAP source does) and hands the entries the run holds unchanged over unmapped.
 */
class ChangeDetectionWithContentDigestsTest extends ChangeDetectionTest {

    @Override
    SyncPipelineTest.ListDirectorySource directory() {
        return new SyncPipelineTest.ListDirectorySource().digestingContent();
    }

    @Test
    void anUnchangedRereadMapsNoEntry() {
        long mapped = directory.mapped.get();

        RunProgress again = run();

        assertThat(directory.mapped.get()).isEqualTo(mapped);
        assertThat(again.read).hasValue(6);
        assertThat(again.inScope).hasValue(6);
    }

    @Test
    void onlyTheChangedEntryIsMapped() {
        long mapped = directory.mapped.get();
        directory.put(ChangeDetectionTest.person("f2", "Ben", "Finance", "0151 22222299"));

        run();

        assertThat(directory.mapped.get() - mapped).isEqualTo(1);
    }
}
