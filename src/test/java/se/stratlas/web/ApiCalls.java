package se.stratlas.web;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Calls of the JSON API as the module ITs make them. */
public final class ApiCalls {

	private ApiCalls() {
	}

	/** The request as the user (with the CSRF token), sending and asking for JSON. */
	public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, UserDetails user,
			String body) {
		return request.with(user(user))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body);
	}

}
