package se.stratlas.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.stratlas.exchange.DownloadLink;

/**
 * Time-limited signed links to a deal's delivery: the deal, the user and the expiry,
 * signed with HMAC-SHA256. The key comes from {@code stratlas.exchange.link-secret} (set
 * it from the environment when several instances serve the same exchange); without one,
 * each start draws a random key, so a restart ends the links handed out.
 */
@Component
public class SignedLinks {

	private final byte[] key;

	private final Duration lifetime;

	private final Clock clock;

	SignedLinks(@Value("${stratlas.exchange.link-secret:}") String secret,
			@Value("${stratlas.exchange.link-lifetime:15m}") Duration lifetime, Optional<Clock> clock) {
		if (secret.isBlank()) {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
		}
		else {
			this.key = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.lifetime = lifetime;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public DownloadLink sign(long dealId, String username) {
		long expires = this.clock.instant().plus(this.lifetime).getEpochSecond();
		return new DownloadLink(expires, signature(dealId, username, expires));
	}

	/**
	 * Whether the signature is this instance's for the deal and user and has not expired.
	 */
	public boolean valid(long dealId, String username, long expires, String signature) {
		if (signature == null || Instant.ofEpochSecond(expires).isBefore(this.clock.instant())) {
			return false;
		}
		return MessageDigest.isEqual(signature(dealId, username, expires).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String signature(long dealId, String username, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal((dealId + "\n" + username + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
