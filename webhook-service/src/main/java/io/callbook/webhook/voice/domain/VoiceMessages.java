package io.callbook.webhook.voice.domain;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence the voice agent is given to say, in German; {@code messages/voice_<language>.properties} holds the
 * same keys in another language (English today), so a third language is a file. Parameters arrive already spoken
 * ({@link Spoken}): a day, a time, a list with "oder". The patterns at the end tell {@link Spoken} how this language
 * says days and times.
 */
@MessageBundle(value = "voice", locale = "de")
public interface VoiceMessages {

    // How days, dates and times are said (java.time patterns)
    @Message("EEEE, 'den' d. MMMM")
    String dayPattern();

    @Message("d. MMMM")
    String datePattern();

    @Message("H 'Uhr'")
    String fullHourPattern();

    @Message("H:mm 'Uhr'")
    String timePattern();

    @Message("oder")
    String or();

    @Message("und")
    String and();

    @Message("{#if hours > 0}{hours} {#if hours == 1}Stunde{#else}Stunden{/if}{#if minutes > 0} {minutes} Minuten{/if}{#else}{minutes} Minuten{/if}")
    String duration(long hours, long minutes);

    // Whose phone this is
    @Message("Es tut mir leid, ich konnte nicht erkennen, welches Unternehmen Sie angerufen haben. Bitte prüfen Sie die Nummer oder versuchen Sie es später noch einmal.")
    String unidentified();

    @Message("Es tut mir leid, über diese Nummer können derzeit keine Termine vereinbart werden. Bitte wenden Sie sich direkt an das Unternehmen.")
    String notServed();

    @Message("Es tut mir leid, ich kann nicht erkennen, für welches Unternehmen dieser Anruf ist.")
    String unknownBusiness();

    @Message("Das kann ich gerade leider nicht nachsehen. Bitte versuchen Sie es gleich noch einmal.")
    String unavailable();

    // Questions back for what the agent left out or got wrong
    @Message("Für welchen Tag möchten Sie den Termin?")
    String askDay();

    @Message("An welchem Tag und um wie viel Uhr soll ich den Termin eintragen?")
    String askStart();

    @Message("Auf welchen Namen darf ich den Termin eintragen?")
    String askName();

    @Message("Welche Leistung möchten Sie? Wir bieten {services} an.")
    String askService(String services);

    @Message("Unter welcher Telefonnummer wurde der Termin gebucht?")
    String askBookingPhone();

    @Message("Die Rufnummer ist unterdrückt. Bitte fragen Sie nach der Telefonnummer.")
    String askCallerPhone();

    @Message("Welchen Termin möchten Sie verschieben, und auf wann?")
    String askNewStart();

    @Message("Den Tag habe ich nicht verstanden. Sagen Sie zum Beispiel „morgen“, „nächsten Dienstag“ oder „12. März“.")
    String invalidDate();

    @Message("Tag und Uhrzeit habe ich nicht verstanden. Sagen Sie zum Beispiel „morgen um 10 Uhr“ oder „Dienstag um halb drei“.")
    String invalidStart();

    @Message("Diese Telefonnummer scheint nicht zu stimmen. Können Sie sie bitte wiederholen?")
    String invalidPhone();

    // Services and staff
    @Message("Die Leistung {wanted} habe ich leider nicht gefunden. Wir bieten {services} an.")
    String unknownService(String wanted, String services);

    @Message("bei {name}")
    String withStaff(String name);

    @Message("{wanted} habe ich in der Filiale {branch} leider nicht gefunden. Soll ich bei jemandem buchen, der frei ist?")
    String unknownStaff(String wanted, String branch);

    // Free times
    @Message("Am {day}, ist für {service}{#if staff} {staff}{/if} leider kein Termin mehr frei.")
    String noFreeTimeOn(String service, String staff, String day);

    @Message("Vom {from} bis zum {to} ist für {service}{#if staff} {staff}{/if} leider kein Termin mehr frei.")
    String noFreeTimeBetween(String service, String staff, String from, String to);

    @Message("{service}{#if staff} {staff}{/if} ist am {day}, um {times} frei{#if more}, und zu weiteren Zeiten{/if}.")
    String freeAt(String service, String staff, String day, String times, boolean more);

    // Booking
    @Message("Ihr Termin für {service}{#if staff} {staff}{/if} ist gebucht: am {day}, um {time}.")
    String booked(String service, String staff, String day, String time);

    @Message("Das konnte ich leider nicht buchen. Soll ich eine andere Zeit suchen?")
    String bookingRefused();

    @Message("Einen Moment bitte, ich prüfe noch, ob Ihr Termin eingetragen ist.")
    String bookingUnconfirmed();

    @Message("Diese Zeit ist leider nicht mehr frei. Soll ich an einem anderen Tag schauen?")
    String slotTaken();

    @Message("Diese Zeit ist leider nicht mehr frei. Am {day}, kann ich Ihnen stattdessen {times} anbieten.")
    String slotTakenTry(String day, String times);

    @Message("Telefonisch gebucht für {name}, Rufnummer unterdrückt")
    String withheldBookingNote(String name);

    // Cancelling
    @Message("Diesen Termin konnte ich leider nicht finden.")
    String unknownAppointment();

    @Message("Für diese Telefonnummer habe ich keinen anstehenden Termin gefunden.")
    String noAppointment();

    @Message("Diesen Termin konnte ich leider nicht absagen.")
    String cancelRefused();

    @Message("Ihr Termin am {day}, um {time} ist abgesagt.")
    String cancelled(String day, String time);

    @Message("Vom Anrufer telefonisch abgesagt")
    String cancelledByCallerNote();

    // Customers
    @Message("Unter dieser Telefonnummer habe ich noch keinen Kunden.")
    String noCustomer();

    @Message("Ich habe den Anrufer gefunden, aber ohne Namen.")
    String customerWithoutName();

    @Message("Das ist {name}.")
    String customerIs(String name);

    @Message("Das tut mir leid, aus Datenschutzgründen kann ich Kundendaten und Termine nur für die Rufnummer abrufen, von der Sie gerade anrufen. Bitte rufen Sie dafür von dieser Nummer aus an.")
    String notCallersNumber();

    @Message("Das tut mir leid, Ihre Rufnummer ist unterdrückt. Aus Datenschutzgründen kann ich Kundendaten und Termine nur für die Rufnummer abrufen, von der Sie anrufen. Bitte rufen Sie mit sichtbarer Nummer noch einmal an.")
    String numberWithheld();

    // Rescheduling and listing
    @Message("Auf wann möchten Sie Ihren Termin am {day}, um {time} verschieben?")
    String askNewStartFor(String day, String time);

    @Message("Ihr Termin ist verschoben auf {day}, um {time}.")
    String rescheduled(String day, String time);

    @Message("Diesen Termin konnte ich leider nicht verschieben. Soll ich eine andere Zeit suchen?")
    String rescheduleRefused();

    @Message("Dieser Termin ist abgesagt oder schon vorbei und kann nicht mehr verschoben werden.")
    String notReschedulable();

    /** One appointment as a list item, and the caller's next one in the inbound hook. */
    @Message("{service}{#if staff} {staff}{/if} am {day}, um {time}")
    String appointmentItem(String service, String staff, String day, String time);

    @Message("{#when count}{#is 1}eins{#is 2}zwei{#is 3}drei{#is 4}vier{#is 5}fünf{#is 6}sechs{#is 7}sieben{#is 8}acht{#is 9}neun{#is 10}zehn{#else}{count}{/when}")
    String number(int count);

    @Message("{#if count == 1}Sie haben einen Termin: {items}.{#else if more}Ihre nächsten {spokenCount} Termine sind: {items}.{#else}Sie haben {spokenCount} Termine: {items}.{/if}")
    String appointments(int count, String spokenCount, String items, boolean more);

    // Inbound hook: the caller and the business

    /** A time that a second one follows with "Uhr": the 9 of "von 9 bis 18 Uhr". */
    @Message("H")
    String bareFullHourPattern();

    @Message("H:mm")
    String bareTimePattern();

    @Message("{name} ({duration}{#if price}, {price}{/if})")
    String offeredService(String name, String duration, String price);

    @Message("von {from} bis {to}")
    String fromTo(String from, String to);

    @Message("heute {hours} geöffnet")
    String openToday(String hours);

    @Message("heute geschlossen")
    String closedToday();
}
