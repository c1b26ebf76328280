package se.stratlas.actors;

import java.util.List;
import java.util.UUID;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A partnership or network, its members with their roles, and the strategy elements it
 * works for.
 */
public record Partnership(long id, String name, @Nullable String description, List<UUID> elementKeys,
		List<Member> members) {

	public Partnership {
		elementKeys = elementKeys == null ? List.of() : List.copyOf(elementKeys);
		members = members == null ? List.of() : List.copyOf(members);
	}

	/** A member actor and its role. */
	public record Member(long actorId, String actorName, Role role) {
	}

	/** The roles an actor has in a partnership or an initiative. */
	public enum Role {

		SAMMANKALLANDE, KOORDINATOR, HUVUDMAN, PROJEKTAGARE, MEDLEM, PARTNER, MEDFINANSIAR, FINANSIAR;

		public String messageKey() {
			return "actor.role." + name().toLowerCase(Locale.ROOT);
		}

	}

}
