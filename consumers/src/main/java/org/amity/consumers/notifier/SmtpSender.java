package org.amity.consumers.notifier;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Mail over SMTP (Jakarta Mail, Eclipse Angus). A server that cannot be reached or answers 4xx is a transient
 * failure; an address that cannot be a mailbox, or that the server refuses with 5xx, is permanent.
 */
public final class SmtpSender implements Sender {
  private final NotifierSettings.Smtp smtp;
  private final Session session;

  public SmtpSender(NotifierSettings.Smtp smtp) {
    this.smtp = smtp;
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.connectiontimeout", Long.toString(smtp.timeout().toMillis()));
    props.put("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
    props.put("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
    props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    props.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    boolean auth = !smtp.user().isEmpty();
    props.put("mail.smtp.auth", Boolean.toString(auth));
    this.session = auth
        ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(smtp.user(), smtp.password());
            }
          })
        : Session.getInstance(props);
  }

  @Override
  public void send(Recipient recipient, Message message) throws DeliveryFailure {
    MimeMessage mail;
    try {
      mail = new StableIdMimeMessage(session, "<" + message.id() + "@amity>");
      mail.setFrom(new InternetAddress(smtp.from(), true));
      mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient.address(), true));
      mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mail.setText(message.text(), StandardCharsets.UTF_8.name());
      mail.setSentDate(new Date());
    } catch (AddressException e) {
      throw DeliveryFailure.permanentFailure("not a mail address: " + e.getMessage(), e);
    } catch (MessagingException e) {
      throw DeliveryFailure.permanentFailure("cannot compose the mail: " + e.getMessage(), e);
    }
    try {
      Transport.send(mail);
    } catch (SendFailedException e) {
      if (refusedForGood(e)) {
        throw DeliveryFailure.permanentFailure("SMTP server refused the recipient: " + e.getMessage(), e);
      }
      throw DeliveryFailure.transientFailure("SMTP send failed: " + e.getMessage(), e);
    } catch (MessagingException e) {
      String cause = e.getCause() instanceof IOException io ? " (" + io + ")" : "";
      throw DeliveryFailure.transientFailure("SMTP server " + smtp.host() + ":" + smtp.port() + " unavailable: "
          + e.getMessage() + cause, e);
    }
  }

  private static boolean refusedForGood(SendFailedException e) {
    for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
      if (next instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500) {
        return true;
      }
    }
    return false;
  }

  /** A MimeMessage whose Message-ID is given, so that a repeat of the same alert carries the same id. */
  private static final class StableIdMimeMessage extends MimeMessage {
    private final String messageId;

    StableIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
