/**
 * Value types and small mechanisms every module uses: not-found and edit-conflict
 * signals, text sanitizing. An open module: it depends on nothing and everything may use
 * it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package se.stratlas.shared;

import org.springframework.modulith.ApplicationModule;
