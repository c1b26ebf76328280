package se.stratlas.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.followup.Products;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * The organisation's logo for report covers: PNG or JPEG, at most 300 KB, always with an
 * alternative text.
 */
@Component
@Transactional
public class Logos {

	/** Largest logo accepted, in bytes. */
	public static final int MAX_BYTES = 300 * 1024;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Products products;

	Logos(JdbcClient jdbc, AuditTrail audit, Products products) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.products = products;
	}

	@Transactional(readOnly = true)
	public Optional<ReportDocument.Logo> get(long organisationId) {
		return this.jdbc.sql("select image, media_type, alt_text from reports_logo where organisation_id = :org")
			.param("org", organisationId)
			.query((rs, row) -> new ReportDocument.Logo(rs.getBytes("image"), rs.getString("media_type"),
					rs.getString("alt_text")))
			.optional();
	}

	/**
	 * Sets the logo from a report product of the organisation (the logo is the
	 * organisation's; the product is where the strateg works).
	 */
	public void setFromProduct(StratlasPrincipal user, long cycleId, long productId, byte[] image, String altText) {
		this.products.get(user.organisationId(), cycleId, productId);
		set(user, image, altText);
	}

	/** Sets the logo; refused unless it is a readable PNG or JPEG of at most 300 KB. */
	public void set(StratlasPrincipal user, byte[] image, String altText) {
		if (!user.can(Role.STRATEGIST)) {
			throw new AccessDeniedException("Only a strateg sets the report logo");
		}
		String alt = Texts.clean(altText);
		if (alt == null) {
			throw new ValidationException("altText", "validation.required");
		}
		if (image == null || image.length == 0) {
			throw new ValidationException("logo", "logo.empty");
		}
		if (image.length > MAX_BYTES) {
			throw new ValidationException("logo", "logo.tooLarge", MAX_BYTES / 1024);
		}
		String type = image.length > 3 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N'
				&& image[3] == 'G' ? "image/png"
						: image.length > 2 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 ? "image/jpeg"
								: null;
		try {
			if (type == null || ImageIO.read(new ByteArrayInputStream(image)) == null) {
				throw new ValidationException("logo", "logo.format");
			}
		}
		catch (IOException ex) {
			throw new ValidationException("logo", "logo.format");
		}
		this.jdbc.sql("""
				insert into reports_logo (organisation_id, image, media_type, alt_text, updated_by)
				values (:org, :image, :type, :alt, :actor)
				on conflict (organisation_id) do update set image = excluded.image, media_type = excluded.media_type,
				alt_text = excluded.alt_text, updated_at = now(), updated_by = excluded.updated_by""")
			.param("org", user.organisationId())
			.param("image", image)
			.param("type", type)
			.param("alt", alt)
			.param("actor", user.username())
			.update();
		this.audit.record(user.organisationId(), user.username(), "reports_logo", user.organisationId(), "UPDATED", alt,
				Map.of());
	}

}
