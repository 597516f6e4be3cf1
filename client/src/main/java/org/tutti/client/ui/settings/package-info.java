/**
 * The settings dialog (audio and network, profile, interface) and the audio backends it offers.
 */
package org.tutti.client.ui.settings;
