package org.roster.app;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive the tests deploy: the very war the build produced, not a hand-assembled subset. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive roster() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/roster.war"));
    }
}
