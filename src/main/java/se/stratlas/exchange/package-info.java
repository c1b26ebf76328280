/**
 * The data exchange (databörs) of seed 000: datasets offered as data raw material with
 * their schema, files, provenance and quality; the rights register (who owns and who may
 * use the data and its metadata, every transfer a link in a chain); the rulebook each
 * participant accepts once; listings whose licence is an ODRL 2.2 policy, sold by a
 * sealed second-price or an open ascending auction that closes by itself; deals with a
 * tagged PDF contract, payment held in a double-entry ledger until both sides have
 * validated, and delivery through time-limited signed links with every access logged. The
 * exchange is shared by the organisations of the instance: each offers its own datasets
 * and bids for the others'. A dataset of machine data can be a live sensor stream:
 * readings over MQTT and HTTP stored as time series, alarms when a rule trips, and
 * indicators fed through the indicators module.
 */
@ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "areas", "indicators" })
package se.stratlas.exchange;

import org.springframework.modulith.ApplicationModule;
