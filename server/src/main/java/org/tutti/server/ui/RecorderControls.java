package org.tutti.server.ui;

import java.awt.Component;
import java.nio.file.Path;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JTextField;
import org.tutti.server.recorder.RecorderState;

/**
 * The server panel's jam recorder controls: folder (typed or chosen), enable, new recording, and the recorder's
 * state as the running server reports it. "New recording" is only offered while recording.
 */
final class RecorderControls {
    final JTextField folder = new JTextField(14);
    final JButton browse = new JButton(ServerText.text("server.browse"));
    final JCheckBox enabled = new JCheckBox(ServerText.text("server.recorder"));
    final JButton newRecording = new JButton(ServerText.text("server.newRecording"));
    final JLabel status = new JLabel(ServerText.tr("server.recorderIdle"));

    RecorderControls(String initialFolder, boolean initiallyEnabled) {
        folder.setName("server.recordingDir");
        browse.setName("serverRecordingBrowse");
        enabled.setName("serverRecorder");
        newRecording.setName("serverNewRecording");
        status.setName("serverRecorderStatus");
        enabled.setMnemonic(ServerText.mnemonic("server.recorder"));
        newRecording.setMnemonic(ServerText.mnemonic("server.newRecording"));
        folder.setToolTipText(ServerText.tr("server.recordingDir.tip"));
        browse.setToolTipText(ServerText.tr("server.browse.tip"));
        browse.getAccessibleContext().setAccessibleName(ServerText.tr("server.browse.tip"));
        enabled.setToolTipText(ServerText.tr("server.recorder.tip"));
        newRecording.setToolTipText(ServerText.tr("server.newRecording.tip"));
        folder.setText(initialFolder);
        enabled.setSelected(initiallyEnabled);
        newRecording.setEnabled(false);
    }

    /** Lets the user pick the folder; true when one was chosen. */
    boolean choose(Component parent) {
        JFileChooser chooser = new JFileChooser(folder.getText().isBlank() ? null : folder.getText());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setDialogTitle(ServerText.tr("server.browse.tip"));
        if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return false;
        }
        folder.setText(chooser.getSelectedFile().getPath());
        return true;
    }

    /** Shows what the recorder does now; {@code session} is the folder being written (may be null). */
    void show(RecorderState state, Path session, String error) {
        String text = switch (state) {
            case NOT_INITIALISED -> ServerText.tr("server.recorder.noFolder");
            case NOT_ENABLED -> error == null || error.isBlank() ? ServerText.tr("server.recorderIdle")
                    : ServerText.tr("server.recorder.error", error);
            case RECORDING -> session != null ? ServerText.tr("server.recorder.recordingTo", session.getFileName())
                    : ServerText.tr("server.recorder.waiting");
        };
        status.setText(text);
        status.setToolTipText(session != null ? session.toString() : error == null || error.isBlank() ? null : error);
        newRecording.setEnabled(state == RecorderState.RECORDING);
        enabled.setSelected(state == RecorderState.RECORDING || state == RecorderState.NOT_INITIALISED
                && enabled.isSelected());
    }

    void unavailable(String why) {
        enabled.setEnabled(false);
        newRecording.setEnabled(false);
        browse.setEnabled(false);
        status.setText(why);
    }
}
