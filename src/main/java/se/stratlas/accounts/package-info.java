/**
 * Organisations that own data, their users and roles, and who may do what: local accounts
 * (BCrypt) and optional OIDC single sign-on, the security filter chain, the role
 * hierarchy and the guard that refuses any endpoint without an authorization rule.
 * <p>
 * API: {@link se.stratlas.accounts.StratlasPrincipal} (the signed-in user as every module
 * sees it), {@link se.stratlas.accounts.Role}, {@link se.stratlas.accounts.Organisations}
 * (with each organisation's profile and home area),
 * {@link se.stratlas.accounts.UserAccounts}, {@link se.stratlas.accounts.UserPasswords},
 * {@link se.stratlas.accounts.UserAdministration},
 * {@link se.stratlas.accounts.OrganisationUnits} and
 * {@link se.stratlas.accounts.ApiTokens}. The sign-in (local and OIDC), the filter chain,
 * the token filter and the endpoint guard are in {@code internal}. Depends on
 * {@code shared}, {@code audit} and {@code areas}.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "areas" })
package se.stratlas.accounts;

import org.springframework.modulith.ApplicationModule;
