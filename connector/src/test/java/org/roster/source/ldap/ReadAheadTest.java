package org.roster.source.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static final int PAGES = 40;
    private static final int PAGE = 250;

    @Test
    void theCallerGetsEveryEntryInTheOrderTheSearchReadThem() throws Exception {
        List<Integer> got = new ArrayList<>();
        String result = ReadAhead.read(100, ReadAhead.DAEMONS, (each, goOn) -> {
            for (int i = 0; i < PAGES * PAGE; i++) {
                each.accept(i);
            }
            return "done";
        }, (Integer entry) -> got.add(entry));
        assertThat(result).isEqualTo("done");
        assertThat(got).hasSize(PAGES * PAGE);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aPagesLastEntriesReachTheCallerWhileTheNextPageIsAwaited() throws Exception {
        // a page of 10 entries, fewer than a chunk: the search then waits, as for a slow server,
        // until the caller has them all
        CountDownLatch handled = new CountDownLatch(10);
        boolean[] reachedInTime = {false};
        ReadAhead.read(1_000, ReadAhead.DAEMONS, (each, goOn) -> {
            for (int i = 0; i < 10; i++) {
                each.accept(i);
            }
            if (goOn.getAsBoolean()) {
                try {
                    reachedInTime[0] = handled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "done";
        }, (Integer entry) -> handled.countDown());
        assertThat(reachedInTime[0]).as("the page's entries reached the caller before the next page").isTrue();
    }

    @Test
    void theCallerStartsOnTheFirstEntryBeforeTheSearchHasReadTheNext() throws Exception {
        // the second entry is read only once the caller has the first, as from a server slow to
        // send it: the caller does not wait for a whole chunk to start
        CountDownLatch first = new CountDownLatch(1);
        boolean[] reachedInTime = {false};
        List<Integer> got = new ArrayList<>();
        ReadAhead.read(1_000, ReadAhead.DAEMONS, (each, goOn) -> {
            each.accept(0);
            try {
                reachedInTime[0] = first.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 1; i < 200; i++) {
                each.accept(i);
            }
            return "done";
        }, (Integer entry) -> {
            got.add(entry);
            first.countDown();
        });
        assertThat(reachedInTime[0]).as("the first entry reached the caller before the second was read").isTrue();
        assertThat(got).hasSize(200).isSorted();
    }

    @Test
    void whenTheCallerFailsTheSearchStopsAfterItsPageAndLetsGoBeforeTheFailureIsThrown() {
        AtomicInteger pagesRead = new AtomicInteger();
        AtomicBoolean searchEnded = new AtomicBoolean();
        IllegalStateException storeDown = new IllegalStateException("the store is down");
        assertThatThrownBy(() -> ReadAhead.read(100, ReadAhead.DAEMONS, (each, goOn) -> {
            try {
                do {
                    int page = pagesRead.getAndIncrement();
                    for (int i = 0; i < PAGE; i++) {
                        each.accept(page * PAGE + i);
                    }
                } while (pagesRead.get() < PAGES && goOn.getAsBoolean());
                return "done";
            } finally {
                searchEnded.set(true);
            }
        }, (Integer entry) -> {
            if (entry == 300) {
                throw storeDown;
            }
        })).isSameAs(storeDown);
        // the connection is the search's until it ends: it must have ended when the caller hears
        assertThat(searchEnded).isTrue();
        assertThat(pagesRead.get()).as("pages read of " + PAGES).isLessThan(PAGES);
    }

    @Test
    void aSearchThatFailsHandsOnWhatItReadAndThenItsFailure() {
        List<Integer> got = new ArrayList<>();
        LDAPException busy = new LDAPException(ResultCode.BUSY, "the server is busy");
        assertThatThrownBy(() -> ReadAhead.read(100, ReadAhead.DAEMONS, (each, goOn) -> {
            for (int i = 0; i < 700; i++) {
                each.accept(i);
            }
            throw busy;
        }, (Integer entry) -> got.add(entry))).isSameAs(busy);
        assertThat(got).hasSize(700);
    }

    @Test
    void aSearchThatBreaksIsReportedToTheCallerNotLostOnItsThread() {
        assertThatThrownBy(() -> ReadAhead.read(100, ReadAhead.DAEMONS, (each, goOn) -> {
            each.accept(1);
            throw new IllegalArgumentException("an attribute no mapping knows");
        }, (Integer entry) -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an attribute no mapping knows");
    }
}
