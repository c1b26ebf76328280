package se.stratlas.accounts.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How claims of the identity provider become Stratlas roles and organisations. The client
 * itself (issuer, client id and secret) is configured with Spring Boot's standard
 * {@code spring.security.oauth2.client.registration.oidc.*} properties.
 *
 * @param registrationId the client registration used for single sign-on
 * @param roleClaim claim holding the user's roles or groups (a list or a string)
 * @param organisationClaim claim holding the organisation's code
 * @param defaultOrganisation organisation code used when the claim is missing; none when
 * blank
 * @param roleMapping claim value → Stratlas role (enum or Swedish name); role names
 * themselves are always understood
 */
@ConfigurationProperties("stratlas.oidc")
public record OidcProperties(String registrationId, String roleClaim, String organisationClaim,
		String defaultOrganisation, Map<String, String> roleMapping) {

	public OidcProperties {
		registrationId = registrationId == null ? "oidc" : registrationId;
		roleClaim = roleClaim == null ? "roles" : roleClaim;
		organisationClaim = organisationClaim == null ? "organisation" : organisationClaim;
		roleMapping = roleMapping == null ? Map.of() : new LinkedHashMap<>(roleMapping);
	}

}
