package org.roster.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roster.app.config.Stores;

/**
 * The README's claims about the application layer, checked on its compiled classes: resources and
 * services read and change through the store's ports, never its tables, and the layer's classes do
 * not lean on each other in circles. Each rule names the claim, so a failure says which one broke.
 */
class ApplicationLayeringTest {

    private static final String THIN = "the README's Layout says the application reads through the store's"
            + " read models and changes through its ports; it knows no table";
    private static final String ONE_DOOR = "the README's Layout says the application meets the entity manager"
            + " in one class, Stores, which hands out the store's ports";
    private static final String SOURCE_KINDS = "the README says a source kind brings its settings, secrets and"
            + " connection test through SourceKind, so the application names no kind's classes";
    private static final String NO_CYCLES = "the README's Layout says no two classes of the application"
            + " depend on each other, directly or round a circle";

    private static JavaClasses application;

    @BeforeAll
    static void importApplicationClasses() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.roster.app");
    }

    @Test
    void theApplicationUsesNoStoreEntity() {
        noClasses().that().resideInAPackage("org.roster.app..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because(THIN)
                .check(application);
    }

    @Test
    void onlyStoresHoldsTheEntityManager() {
        noClasses().that().resideInAPackage("org.roster.app..").and().doNotBelongToAnyOf(Stores.class)
                .should().dependOnClassesThat().belongToAnyOf(EntityManager.class, PersistenceContext.class)
                .because(ONE_DOOR)
                .check(application);
    }

    @Test
    void theApplicationNamesNoSourceKindsClasses() {
        noClasses().that().resideInAPackage("org.roster.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roster.source.ldap..", "org.roster.source.graph..")
                .because(SOURCE_KINDS)
                .check(application);
    }

    @Test
    void noClassesOfTheApplicationDependOnEachOtherInACircle() {
        slices().assignedFrom(new TopLevelClasses())
                .should().beFreeOfCycles()
                .because(NO_CYCLES)
                .check(application);
    }

    /** Each top-level class with its nested classes is one slice, so cycles are found between classes. */
    private static final class TopLevelClasses implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getName();
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "top-level classes of org.roster.app";
        }
    }
}
