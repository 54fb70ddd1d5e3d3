package org.roster;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roster.platform.carddav.AddressBook;
import org.roster.platform.telegram.OwnContacts;
import org.roster.platform.telegram.TelegramContact;
import org.roster.platform.telegram.TelegramLedger;

/**
 * The README's Layout section, checked on the compiled main classes of the policies and connector
 * modules (the policies classes are on this module's class path as its dependency). Each rule names
 * the sentence of the README it enforces, so a failure says which claim a change broke.
 */
class LayeringTest {

    private static final String ONE_WAY = "the README's Layout says dependencies point one way,"
            + " liberty -> connector -> policies";
    private static final String NO_FRAMEWORKS = "the README's Layout says the domain and the policy engine"
            + " import no Jakarta, LDAP or Graph type; only the adapters do";
    private static final String READ_MODELS = "the README's Layout says the application's read models and"
            + " ports (org.roster.records) are plain Java, which the store implements";
    private static final String ADAPTERS_APART = "the README's Layout says the adapters do not use one"
            + " another; what the source adapters share lives in org.roster.source";

    /** Jakarta (and JPA under its old name), LDAP and Graph: the types only adapters may use. */
    private static final String[] FRAMEWORKS = {
            "jakarta..", "javax.persistence..", "com.unboundid..", "com.microsoft..", "com.azure.."};

    private static final String[] DOMAIN_AND_ENGINE = {
            "org.roster.directory..", "org.roster.sync..", "org.roster.audit..", "org.roster.schedule.."};

    private static final List<String> ADAPTERS = List.of(
            "org.roster.source.ldap..", "org.roster.source.graph..", "org.roster.store..",
            "org.roster.platform..", "org.roster.demo..");

    /**
     * The one named exception: the platform adapters declare the storage they need as ports
     * (with the values those ports carry), and the persistence adapter implements them. Until
     * those ports move to a neutral package, the store may use exactly these and nothing else of
     * the platform adapters.
     */
    private static final DescribedPredicate<JavaClass> PLATFORM_STORAGE_PORTS = belongToAnyOf(
            AddressBook.class, TelegramLedger.class, OwnContacts.class, TelegramContact.class);

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.roster");
    }

    @Test
    void policiesDependOnNoFrameworkAndNoConnectorPackage() {
        noClasses().that().resideInAPackage("org.roster.policy..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because(NO_FRAMEWORKS)
                .check(classes);
        noClasses().that().resideInAPackage("org.roster.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roster.sync..",
                        "org.roster.directory..", "org.roster.audit..", "org.roster.schedule..",
                        "org.roster.store..", "org.roster.source..", "org.roster.platform..",
                        "org.roster.demo..", "org.roster.app..")
                .because(ONE_WAY)
                .check(classes);
    }

    @Test
    void domainAndEngineDependOnNoFramework() {
        noClasses().that().resideInAnyPackage(DOMAIN_AND_ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because(NO_FRAMEWORKS)
                .check(classes);
    }

    @Test
    void domainAndEngineDependOnNoAdapterNorTheServer() {
        noClasses().that().resideInAnyPackage(DOMAIN_AND_ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("org.roster.store..",
                        "org.roster.source..", "org.roster.platform..", "org.roster.demo..",
                        "org.roster.app..")
                .because(ONE_WAY + "; the domain and engine are what the adapters plug into")
                .check(classes);
    }

    @Test
    void readModelsDependOnNoFrameworkNorTheStore() {
        noClasses().that().resideInAPackage("org.roster.records..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because(READ_MODELS)
                .check(classes);
        noClasses().that().resideInAPackage("org.roster.records..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roster.store..", "org.roster.source..",
                        "org.roster.demo..", "org.roster.app..")
                .because(READ_MODELS)
                .check(classes);
    }

    @Test
    void adaptersDependOnNoOtherAdapter() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(other -> !other.equals(adapter)).toArray(String[]::new);
            DescribedPredicate<JavaClass> otherAdapter = resideInAnyPackage(others);
            if (adapter.equals("org.roster.store..")) {
                otherAdapter = otherAdapter.and(not(PLATFORM_STORAGE_PORTS));
            }
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat(otherAdapter)
                    .because(ADAPTERS_APART)
                    .check(classes);
        }
    }
}
