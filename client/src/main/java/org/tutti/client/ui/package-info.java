/**
 * The desktop main window ({@link org.tutti.client.ui.MainWindow}, its menu and status panel) and what every part of the
 * window shares: theme and theme colours, window preferences, translations, country and instrument names. Each window
 * part has its own package: {@code mixer}, {@code connect}, {@code settings}, {@code chat}, {@code server}, and
 * {@code widgets} for small reusable components. Swing only; everything runs on the EDT.
 */
package org.tutti.client.ui;
