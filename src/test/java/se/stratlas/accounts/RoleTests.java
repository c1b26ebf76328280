package se.stratlas.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTests {

	@Test
	void administratorHasEveryRoleOfTheOrganisationAndThePlatformAdministratorEveryRole() {
		for (Role role : Role.values()) {
			assertThat(RoleHierarchyRules.implies(Role.ADMINISTRATOR, role))
				.isEqualTo(role != Role.PLATFORM_ADMINISTRATOR);
			assertThat(RoleHierarchyRules.implies(Role.PLATFORM_ADMINISTRATOR, role)).isTrue();
		}
	}

	@Test
	void reporterAndReviewerDoNotHaveEachOthersRights() {
		assertThat(RoleHierarchyRules.implies(Role.REPORTER, Role.REVIEWER)).isFalse();
		assertThat(RoleHierarchyRules.implies(Role.REVIEWER, Role.REPORTER)).isFalse();
		assertThat(RoleHierarchyRules.implies(Role.REPORTER, Role.READER)).isTrue();
	}

	@Test
	void readerIsTheLowestRole() {
		assertThat(RoleHierarchyRules.implies(Role.READER, Role.STRATEGIST)).isFalse();
		assertThat(RoleHierarchyRules.implies(Role.STRATEGIST, Role.ADMINISTRATOR)).isFalse();
	}

	@Test
	void rolesParseFromSwedishAndEnumNames() {
		assertThat(Role.parse("strateg")).contains(Role.STRATEGIST);
		assertThat(Role.parse("RAPPORTÖR")).contains(Role.REPORTER);
		assertThat(Role.parse("reviewer")).contains(Role.REVIEWER);
		assertThat(Role.parse("kung")).isEmpty();
	}

	@Test
	void springNotationNamesEveryDirectEdge() {
		assertThat(RoleHierarchyRules.springNotation()).contains("ROLE_ADMINISTRATOR > ROLE_STRATEGIST",
				"ROLE_STRATEGIST > ROLE_REVIEWER", "ROLE_STRATEGIST > ROLE_REPORTER", "ROLE_REVIEWER > ROLE_READER");
	}

}
