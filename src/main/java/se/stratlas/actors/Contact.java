package se.stratlas.actors;

import java.util.List;
import java.util.UUID;

/**
 * A contact person: name, title, unit and work contact details, and the strategy elements
 * they answer for.
 */
public record Contact(long id, String name, String title, Long actorId, String unitName, String email, String phone,
		List<UUID> elementKeys) {

	public Contact {
		elementKeys = elementKeys == null ? List.of() : List.copyOf(elementKeys);
	}

}
