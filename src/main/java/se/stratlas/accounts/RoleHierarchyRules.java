package se.stratlas.accounts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The role hierarchy in one place: used by Spring Security and by
 * {@link StratlasPrincipal#can}.
 */
public final class RoleHierarchyRules {

	private static final Map<Role, Set<Role>> DIRECT = Map.of(Role.PLATFORM_ADMINISTRATOR,
			EnumSet.of(Role.ADMINISTRATOR), Role.ADMINISTRATOR, EnumSet.of(Role.STRATEGIST), Role.STRATEGIST,
			EnumSet.of(Role.REVIEWER, Role.REPORTER), Role.REVIEWER, EnumSet.of(Role.READER), Role.REPORTER,
			EnumSet.of(Role.READER), Role.READER, EnumSet.noneOf(Role.class));

	private RoleHierarchyRules() {
	}

	/** Whether holding {@code held} gives the rights of {@code wanted}. */
	public static boolean implies(Role held, Role wanted) {
		if (held == wanted) {
			return true;
		}
		return DIRECT.get(held).stream().anyMatch(lower -> implies(lower, wanted));
	}

	/** The hierarchy in Spring Security's notation. */
	public static String springNotation() {
		StringBuilder rules = new StringBuilder();
		DIRECT.forEach((higher, lowers) -> lowers
			.forEach(lower -> rules.append(higher.authority()).append(" > ").append(lower.authority()).append('\n')));
		return rules.toString();
	}

}
