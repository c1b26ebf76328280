package se.stratlas.actors;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contact person: name, title, unit and work contact details, and the strategy elements
 * they answer for.
 */
public record Contact(long id, String name, @Nullable String title, @Nullable Long actorId, @Nullable String unitName,
		@Nullable String email, @Nullable String phone, List<UUID> elementKeys) {

	public Contact {
		elementKeys = elementKeys == null ? List.of() : List.copyOf(elementKeys);
	}

}
