package org.forumledger.registry;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.forumledger.kit.KitRules;

/** The registry uses the kit's security, problems and consumer instead of writing its own. */
@AnalyzeClasses(
    packages = "org.forumledger.registry",
    importOptions = ImportOption.DoNotIncludeTests.class)
class KitBoundaryTest {

  @ArchTest static final ArchTests kit = ArchTests.in(KitRules.class);
}
