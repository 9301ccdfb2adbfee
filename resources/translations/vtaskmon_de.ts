<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Untrusted Certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>Certificate Changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 is not trusted.&lt;/b&gt;&lt;br&gt;Nobody vouches that this server is the one you meant. Compare the thumbprint below with the one your administrator gave you before you trust it.</source>
        <translation>&lt;b&gt;Dem Zertifikat von %1 wird nicht vertraut.&lt;/b&gt;&lt;br&gt;Niemand bürgt dafür, dass dies der gemeinte Server ist. Vergleichen Sie den Fingerabdruck unten mit dem, den Ihnen Ihr Administrator genannt hat, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <comment>certificate validity period</comment>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>SHA-256 thumbprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Trust &amp;Once</source>
        <translation>&amp;Einmal vertrauen</translation>
    </message>
    <message>
        <source>&amp;Always Trust This Certificate for This Host</source>
        <translation>Diesem Zertifikat für diesen Host &amp;immer vertrauen</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 has changed since you pinned it.&lt;/b&gt;&lt;br&gt;Servers get a new certificate when the old one expires or is replaced, but someone who intercepts the connection would also show a different one. Compare the new thumbprint with the one your administrator gives you before you trust it. Until then nothing is sent to the server.</source>
        <translation>&lt;b&gt;Das Zertifikat von %1 hat sich geändert, seit Sie es festgelegt haben.&lt;/b&gt;&lt;br&gt;Server erhalten ein neues Zertifikat, wenn das alte abläuft oder ersetzt wird; aber auch jemand, der die Verbindung abfängt, würde ein anderes vorzeigen. Vergleichen Sie den neuen Fingerabdruck mit dem, den Ihnen Ihr Administrator nennt, bevor Sie ihm vertrauen. Bis dahin wird nichts an den Server gesendet.</translation>
    </message>
    <message>
        <source>Presented now</source>
        <translation>Jetzt vorgezeigt</translation>
    </message>
    <message>
        <source>Same subject as the pinned certificate.</source>
        <translation>Derselbe Inhaber wie beim festgelegten Zertifikat.</translation>
    </message>
    <message>
        <source>The subject differs from the pinned certificate.</source>
        <translation>Der Inhaber unterscheidet sich vom festgelegten Zertifikat.</translation>
    </message>
    <message>
        <source>&amp;Trust the New Certificate</source>
        <translation>Dem &amp;neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>&amp;Refuse It</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Pinned certificate</source>
        <translation>Festgelegtes Zertifikat</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Pinned since:</source>
        <translation>Festgelegt seit:</translation>
    </message>
</context>
<context>
    <name>CertificateNotice</name>
    <message>
        <source>&amp;Compare Certificates…</source>
        <translation>Zertifikate &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Certificate needs your decision</source>
        <translation>Zertifikat wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <source>Certificate refused</source>
        <translation>Zertifikat abgelehnt</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 has changed since you pinned it.&lt;/b&gt; The connection is paused until you compare the certificates and decide.</source>
        <translation>&lt;b&gt;Das Zertifikat von %1 hat sich geändert, seit Sie es festgelegt haben.&lt;/b&gt; Die Verbindung ruht, bis Sie die Zertifikate verglichen und entschieden haben.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates you chose to always trust, per host. A pinned host must present exactly this certificate; when it presents another one, you are asked before anything is sent to it. Removing a pin takes effect at the next connect.</source>
        <translation>Zertifikate, denen Sie für einen Host immer vertrauen. Ein Host mit festgelegtem Zertifikat muss genau dieses vorzeigen; zeigt er ein anderes, werden Sie gefragt, bevor irgendetwas an ihn gesendet wird. Das Entfernen einer Festlegung wirkt ab der nächsten Verbindung.</translation>
    </message>
    <message>
        <source>Pinned certificates</source>
        <translation>Festgelegte Zertifikate</translation>
    </message>
    <message>
        <source>No certificate is pinned. One is pinned when you choose “Always trust” for it while connecting.</source>
        <translation>Kein Zertifikat ist festgelegt. Eines wird festgelegt, wenn Sie ihm beim Verbinden „immer vertrauen“.</translation>
    </message>
    <message>
        <source>SHA-256 thumbprint of the selected pin</source>
        <translation>SHA-256-Fingerabdruck des ausgewählten Zertifikats</translation>
    </message>
    <message>
        <source>&amp;Remove Pin</source>
        <translation>Festlegung &amp;entfernen</translation>
    </message>
    <message>
        <source>The pin for %1 cannot be used: %2. It is ignored when connecting; remove it, or pin the certificate again.</source>
        <translation>Das für %1 festgelegte Zertifikat ist unbrauchbar: %2. Es wird beim Verbinden nicht beachtet; entfernen Sie die Festlegung oder legen Sie das Zertifikat erneut fest.</translation>
    </message>
</context>
<context>
    <name>CertificateText</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <comment>an unknown date</comment>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>until %1</source>
        <comment>certificate validity</comment>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation>(abgelaufen)</translation>
    </message>
    <message>
        <source>(not yet valid)</source>
        <translation>(noch nicht gültig)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to vCenter</source>
        <translation>Mit vCenter verbinden</translation>
    </message>
    <message>
        <source>vcenter.example.com or host:port</source>
        <translation>vcenter.example.com oder Host:Port</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>administrator@vsphere.local</source>
        <translation>administrator@vsphere.local</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>API release</source>
        <translation>API-Release</translation>
    </message>
    <message>
        <source>Automatic (newest both sides speak)</source>
        <translation>Automatisch (neuestes, das beide Seiten sprechen)</translation>
    </message>
    <message>
        <source>Locale of server messages</source>
        <translation>Sprache der Servermeldungen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>API &amp;release:</source>
        <translation>API-&amp;Release:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <comment>of server messages</comment>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>⚠ Certificate verification is switched off (--insecure). Anyone on the network path can read and change this session.</source>
        <translation>⚠ Die Zertifikatsprüfung ist ausgeschaltet (--insecure). Jeder auf dem Netzwerkweg kann diese Sitzung mitlesen und verändern.</translation>
    </message>
    <message>
        <source>Connection error</source>
        <translation>Verbindungsfehler</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Enter the server and your user name.</source>
        <translation>Geben Sie den Server und Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>“%1” is not a server address: %2</source>
        <translation>„%1“ ist keine Serveradresse: %2</translation>
    </message>
    <message>
        <source>The server's certificate is not trusted, and it sent no certificate to show.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut, und er hat kein Zertifikat zum Anzeigen gesendet.</translation>
    </message>
    <message>
        <source>Not connected: the server's certificate was not trusted.</source>
        <translation>Nicht verbunden: Dem Zertifikat des Servers wurde nicht vertraut.</translation>
    </message>
    <message>
        <source>Refused: %1 presented a different certificate from the one you pinned. Someone may be intercepting the connection.</source>
        <translation>Abgelehnt: %1 hat ein anderes Zertifikat vorgelegt als das festgelegte. Möglicherweise fängt jemand die Verbindung ab.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>User %1 may log in but has no permission to use this server.</source>
        <translation>Benutzer %1 darf sich anmelden, hat aber keine Berechtigung für diesen Server.</translation>
    </message>
    <message>
        <source>%1 cannot be reached. Check the name and port, and that the server is running and reachable from this computer.
(%2)</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie Name und Port und ob der Server läuft und von diesem Rechner aus erreichbar ist.
(%2)</translation>
    </message>
    <message>
        <source>%1 answers, but not with the vSphere API. Is this the address of a vCenter Server or ESXi host?</source>
        <translation>%1 antwortet, aber nicht mit der vSphere-API. Ist dies die Adresse eines vCenter Servers oder ESXi-Hosts?</translation>
    </message>
    <message>
        <source>%1 and vtaskmon have no API release in common. Choose an API release explicitly, or use a newer vtaskmon.</source>
        <translation>%1 und vtaskmon haben kein gemeinsames API-Release. Wählen Sie ein API-Release ausdrücklich, oder verwenden Sie ein neueres vtaskmon.</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>Die Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 presented a different certificate from the one you pinned. Compare them and decide.</source>
        <translation>%1 hat ein anderes Zertifikat vorgezeigt als das festgelegte. Vergleichen Sie beide und entscheiden Sie.</translation>
    </message>
    <message>
        <source>Refused: %1 presented a different certificate from the one you pinned, and the pin stays. Someone may be intercepting the connection.</source>
        <translation>Abgelehnt: %1 hat ein anderes Zertifikat vorgezeigt als das festgelegte; die Festlegung bleibt. Möglicherweise fängt jemand die Verbindung ab.</translation>
    </message>
</context>
<context>
    <name>CreateCollectorDialog</name>
    <message>
        <source>New History Collector</source>
        <translation>Neuer Verlaufssammler</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>JSON filter preview</source>
        <translation>Vorschau des JSON-Filters</translation>
    </message>
    <message>
        <source>&amp;Copy JSON</source>
        <translation>JSON &amp;kopieren</translation>
    </message>
    <message>
        <source>Request body for CreateCollectorForTasks</source>
        <translation>Anfrage für CreateCollectorForTasks</translation>
    </message>
    <message>
        <source>C&amp;reate Collector</source>
        <translation>Sammler &amp;erstellen</translation>
    </message>
    <message>
        <source>Only tasks on an &amp;entity</source>
        <translation>Nur Aufgaben auf einem &amp;Objekt</translation>
    </message>
    <message>
        <source>Recursion</source>
        <translation>Rekursion</translation>
    </message>
    <message>
        <source>The entity and everything below it</source>
        <translation>Das Objekt und alles darunter</translation>
    </message>
    <message>
        <source>Only the entity itself</source>
        <translation>Nur das Objekt selbst</translation>
    </message>
    <message>
        <source>Only its children, not the entity</source>
        <translation>Nur seine Kinder, nicht das Objekt</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Objekt:</translation>
    </message>
    <message>
        <source>Include:</source>
        <comment>which entities of a subtree</comment>
        <translation>Einschließen:</translation>
    </message>
    <message>
        <source>Only tasks in a &amp;time range</source>
        <translation>Nur Aufgaben in einem &amp;Zeitraum</translation>
    </message>
    <message>
        <source>Time of</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Queued</source>
        <comment>time type</comment>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Started</source>
        <comment>time type</comment>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>time type</comment>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Begin time</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Last &amp;hour</source>
        <translation>Letzte &amp;Stunde</translation>
    </message>
    <message>
        <source>Last &amp;day</source>
        <translation>Letzter &amp;Tag</translation>
    </message>
    <message>
        <source>Last &amp;week</source>
        <translation>Letzte &amp;Woche</translation>
    </message>
    <message>
        <source>Time of:</source>
        <comment>which task time the range applies to</comment>
        <translation>Zeitpunkt:</translation>
    </message>
    <message>
        <source>Quick range:</source>
        <translation>Schnellauswahl:</translation>
    </message>
    <message>
        <source>Only tasks started by &amp;users</source>
        <translation>Nur von &amp;Benutzern gestartete Aufgaben</translation>
    </message>
    <message>
        <source>User names</source>
        <translation>Benutzernamen</translation>
    </message>
    <message>
        <source>VSPHERE.LOCAL\alice, VSPHERE.LOCAL\bob (empty: all users)</source>
        <translation>VSPHERE.LOCAL\alice, VSPHERE.LOCAL\bob (leer: alle Benutzer)</translation>
    </message>
    <message>
        <source>Include tasks started by the system</source>
        <translation>Vom System gestartete Aufgaben einschließen</translation>
    </message>
    <message>
        <source>User names:</source>
        <translation>Benutzernamen:</translation>
    </message>
    <message>
        <source>States (none checked: any state)</source>
        <translation>Status (keiner angehakt: jeder Status)</translation>
    </message>
    <message>
        <source>Queued</source>
        <comment>task state</comment>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task state</comment>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>task state</comment>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task state</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>More criteria</source>
        <translation>Weitere Kriterien</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>alarm-12</source>
        <translation>alarm-12</translation>
    </message>
    <message>
        <source>Scheduled task</source>
        <translation>Geplante Aufgabe</translation>
    </message>
    <message>
        <source>schedule-3</source>
        <translation>schedule-3</translation>
    </message>
    <message>
        <source>Event chain IDs</source>
        <translation>Ereignisketten-IDs</translation>
    </message>
    <message>
        <source>1234, 1240</source>
        <translation>1234, 1240</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>backup, nightly</source>
        <translation>backup, nightly</translation>
    </message>
    <message>
        <source>Also tasks without a tag</source>
        <translation>Auch Aufgaben ohne Tag</translation>
    </message>
    <message>
        <source>Parent task keys</source>
        <translation>Schlüssel der übergeordneten Aufgaben</translation>
    </message>
    <message>
        <source>task-101, task-102</source>
        <translation>task-101, task-102</translation>
    </message>
    <message>
        <source>Root task keys</source>
        <translation>Schlüssel der Stammaufgaben</translation>
    </message>
    <message>
        <source>task-100</source>
        <translation>task-100</translation>
    </message>
    <message>
        <source>Activation IDs</source>
        <translation>Aktivierungs-IDs</translation>
    </message>
    <message>
        <source>one or more, comma-separated</source>
        <translation>eine oder mehrere, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Alarm (moId):</source>
        <translation>Alarm (moId):</translation>
    </message>
    <message>
        <source>Scheduled task (moId):</source>
        <translation>Geplante Aufgabe (moId):</translation>
    </message>
    <message>
        <source>Event chain IDs:</source>
        <translation>Ereignisketten-IDs:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Parent task keys:</source>
        <translation>Übergeordnete Aufgaben:</translation>
    </message>
    <message>
        <source>Root task keys:</source>
        <translation>Stammaufgaben:</translation>
    </message>
    <message>
        <source>Activation IDs:</source>
        <translation>Aktivierungs-IDs:</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source> tasks per page</source>
        <translation> Aufgaben pro Seite</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Seitengröße:</translation>
    </message>
    <message>
        <source>Pick an entity from the list, or untick “Only tasks on an entity”.</source>
        <translation>Wählen Sie ein Objekt aus der Liste, oder entfernen Sie den Haken bei „Nur Aufgaben auf einem Objekt“.</translation>
    </message>
    <message>
        <source>The end of the time range is before its beginning.</source>
        <translation>Das Ende des Zeitraums liegt vor seinem Beginn.</translation>
    </message>
    <message>
        <source>Enter at least one user name, or include tasks started by the system.</source>
        <translation>Geben Sie mindestens einen Benutzernamen ein, oder schließen Sie vom System gestartete Aufgaben ein.</translation>
    </message>
    <message>
        <source>“%1” is not an event chain ID: enter whole numbers.</source>
        <translation>„%1“ ist keine Ereignisketten-ID: Geben Sie ganze Zahlen ein.</translation>
    </message>
    <message>
        <source>// Not valid yet: %1</source>
        <translation>// Noch nicht gültig: %1</translation>
    </message>
    <message>
        <source>This server has no task manager.</source>
        <translation>Dieser Server hat keinen Aufgabenmanager.</translation>
    </message>
    <message>
        <source>The server allows no more history collectors for this session. Destroy one on the History tab first.</source>
        <translation>Der Server erlaubt für diese Sitzung keine weiteren Verlaufssammler. Entfernen Sie zuerst einen auf der Registerkarte „Verlauf“.</translation>
    </message>
    <message>
        <source>The collector was not created: %1</source>
        <translation>Der Sammler wurde nicht erstellt: %1</translation>
    </message>
</context>
<context>
    <name>CreateTaskDialog</name>
    <message>
        <source>New Task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>Target entity</source>
        <translation>Zielobjekt</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Aufgabentyp</translation>
    </message>
    <message>
        <source>Loading the task types extensions registered…</source>
        <translation>Die von Erweiterungen registrierten Aufgabentypen werden geladen…</translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation>Initiiert von</translation>
    </message>
    <message>
        <source>the session user</source>
        <translation>der Sitzungsbenutzer</translation>
    </message>
    <message>
        <source>The task can be &amp;cancelled</source>
        <translation>Die Aufgabe kann &amp;abgebrochen werden</translation>
    </message>
    <message>
        <source>Parent task key</source>
        <translation>Übergeordnete Aufgabe</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Activation ID</source>
        <translation>Aktivierungs-ID</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <comment>entity a task runs on</comment>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Task &amp;type:</source>
        <translation>Aufgaben&amp;typ:</translation>
    </message>
    <message>
        <source>&amp;Initiated by:</source>
        <translation>&amp;Initiiert von:</translation>
    </message>
    <message>
        <source>&amp;Parent task:</source>
        <translation>Ü&amp;bergeordnete Aufgabe:</translation>
    </message>
    <message>
        <source>&amp;Activation ID:</source>
        <translation>&amp;Aktivierungs-ID:</translation>
    </message>
    <message>
        <source>C&amp;reate Task</source>
        <translation>Aufgabe &amp;erstellen</translation>
    </message>
    <message>
        <source>This server has no extension manager</source>
        <translation>Dieser Server hat keinen Erweiterungsmanager</translation>
    </message>
    <message>
        <source>No task types</source>
        <translation>Keine Aufgabentypen</translation>
    </message>
    <message>
        <source>The task types could not be read: %1</source>
        <translation>Die Aufgabentypen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>task label — extension label</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No extension registered a task type</source>
        <translation>Keine Erweiterung hat einen Aufgabentyp registriert</translation>
    </message>
    <message>
        <source>Pick the target entity from the list.</source>
        <translation>Wählen Sie das Zielobjekt aus der Liste.</translation>
    </message>
    <message>
        <source>Pick a task type.</source>
        <translation>Wählen Sie einen Aufgabentyp.</translation>
    </message>
    <message>
        <source>“%1” is not a task key; task keys look like task-123.</source>
        <translation>„%1“ ist kein Aufgabenschlüssel; Aufgabenschlüssel sehen aus wie task-123.</translation>
    </message>
    <message>
        <source>This server has no task manager.</source>
        <translation>Dieser Server hat keinen Aufgabenmanager.</translation>
    </message>
    <message>
        <source>The server rejected the request (%1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The task was not created: %1</source>
        <translation>Die Aufgabe wurde nicht erstellt: %1</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>No keychain service is available, so the password cannot be remembered; it is kept in memory for this session only. To remember passwords, install and start a Secret Service provider such as GNOME Keyring (Debian package gnome-keyring) or KWallet (kwalletmanager).</source>
        <translation>Es ist kein Schlüsselbund-Dienst verfügbar, daher kann das Passwort nicht gespeichert werden; es wird nur für diese Sitzung im Speicher gehalten. Um Passwörter zu speichern, installieren und starten Sie einen Secret-Service-Anbieter wie GNOME Keyring (Debian-Paket gnome-keyring) oder KWallet (kwalletmanager).</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied.</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>Der Schlüsselbund des Systems meldete einen Fehler: %1</translation>
    </message>
</context>
<context>
    <name>DescriptionsView</name>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Search descriptions</source>
        <translation>Beschreibungen durchsuchen</translation>
    </message>
    <message>
        <source>Search key, label or summary</source>
        <translation>Schlüssel, Bezeichnung oder Zusammenfassung suchen</translation>
    </message>
    <message>
        <source>Task descriptions</source>
        <translation>Aufgabenbeschreibungen</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
</context>
<context>
    <name>EntityPicker</name>
    <message>
        <source>Type to search by name</source>
        <translation>Zum Suchen Namen eingeben</translation>
    </message>
</context>
<context>
    <name>FilterSummary</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>on %1 only</source>
        <translation>nur auf %1</translation>
    </message>
    <message>
        <source>on the children of %1</source>
        <translation>auf den Kindern von %1</translation>
    </message>
    <message>
        <source>on %1 and below</source>
        <translation>auf %1 und darunter</translation>
    </message>
    <message>
        <source>queued</source>
        <comment>filter: tasks queued …</comment>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>filter: tasks completed …</comment>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>started</source>
        <comment>filter: tasks started …</comment>
        <translation>gestartet</translation>
    </message>
    <message>
        <source>%1 between %2 and %3</source>
        <translation>%1 zwischen %2 und %3</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>%1 before %2</source>
        <translation>%1 vor %2</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>by the system</source>
        <translation>vom System</translation>
    </message>
    <message>
        <source>%1 or the system</source>
        <translation>%1 oder vom System</translation>
    </message>
    <message>
        <source>in state %1</source>
        <translation>im Status %1</translation>
    </message>
    <message>
        <source>from alarm %1</source>
        <translation>von Alarm %1</translation>
    </message>
    <message>
        <source>from scheduled task %1</source>
        <translation>von geplanter Aufgabe %1</translation>
    </message>
    <message>
        <source>in event chain %1</source>
        <translation>in Ereigniskette %1</translation>
    </message>
    <message>
        <source>tagged %1</source>
        <translation>mit Tag %1</translation>
    </message>
    <message>
        <source>with parent %1</source>
        <translation>mit übergeordneter Aufgabe %1</translation>
    </message>
    <message>
        <source>with root %1</source>
        <translation>mit Stammaufgabe %1</translation>
    </message>
    <message>
        <source>with activation ID %1</source>
        <translation>mit Aktivierungs-ID %1</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Alle Aufgaben</translation>
    </message>
    <message>
        <source>Tasks %1</source>
        <translation>Aufgaben %1</translation>
    </message>
</context>
<context>
    <name>HeaderColumnsMenu</name>
    <message>
        <source>Show All Columns</source>
        <translation>Alle Spalten anzeigen</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>New Collector…</source>
        <translation>Neuer Sammler…</translation>
    </message>
    <message>
        <source>Rewind</source>
        <comment>history collector: oldest first</comment>
        <translation>Zurückspulen</translation>
    </message>
    <message>
        <source>Read from the oldest task forward</source>
        <translation>Ab der ältesten Aufgabe vorwärts lesen</translation>
    </message>
    <message>
        <source>Reset</source>
        <comment>history collector: newest first</comment>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Read from the newest task backward</source>
        <translation>Ab der neuesten Aufgabe rückwärts lesen</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Seitengröße:</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>Destroy Collector</source>
        <translation>Sammler entfernen</translation>
    </message>
    <message>
        <source>Task history</source>
        <translation>Aufgabenverlauf</translation>
    </message>
    <message>
        <source>No collector yet. Create one to browse the task history.</source>
        <translation>Noch kein Sammler. Erstellen Sie einen, um den Aufgabenverlauf zu durchsuchen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) loaded; scroll down for more.</source>
        <translation><numerusform>%n Aufgabe geladen; für mehr nach unten scrollen.</numerusform><numerusform>%n Aufgaben geladen; für mehr nach unten scrollen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s); that is all.</source>
        <translation><numerusform>%n Aufgabe; das ist alles.</numerusform><numerusform>%n Aufgaben; das ist alles.</numerusform></translation>
    </message>
    <message>
        <source>This server keeps no task history (ESXi hosts have no collectors).</source>
        <translation>Dieser Server führt keinen Aufgabenverlauf (ESXi-Hosts haben keine Sammler).</translation>
    </message>
    <message>
        <source>The server allows no more collectors for this session.</source>
        <translation>Der Server erlaubt für diese Sitzung keine weiteren Sammler.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2 collectors</source>
        <comment>in use of the server's maximum</comment>
        <translation>%1 von %2 Sammlern</translation>
    </message>
</context>
<context>
    <name>InventoryModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>managed object type</comment>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Root folder</source>
        <translation>Stammordner</translation>
    </message>
    <message>
        <source>The inventory could not be read completely: %1</source>
        <translation>Das Inventar konnte nicht vollständig gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Recent Tasks</source>
        <translation>&amp;Aktuelle Aufgaben</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Descriptions</source>
        <translation>&amp;Beschreibungen</translation>
    </message>
    <message>
        <source>vSphere Task Monitor</source>
        <translation>vSphere Task Monitor</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>New &amp;Task…</source>
        <translation>Neue &amp;Aufgabe…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Create a task on an entity (TaskManager.CreateTask)</source>
        <translation>Eine Aufgabe auf einem Objekt erstellen (TaskManager.CreateTask)</translation>
    </message>
    <message>
        <source>New &amp;Collector…</source>
        <translation>Neuer &amp;Sammler…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Browse the task history with a filter</source>
        <translation>Den Aufgabenverlauf mit einem Filter durchsuchen</translation>
    </message>
    <message>
        <source>C&amp;ancel Task</source>
        <translation>Aufgabe a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Ask the server to cancel the selected task</source>
        <translation>Den Server bitten, die ausgewählte Aufgabe abzubrechen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern…</translation>
    </message>
    <message>
        <source>&amp;Notify When a Task Fails</source>
        <translation>Bei fehlgeschlagener Aufgabe &amp;benachrichtigen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Aufgaben</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About vSphere Task Monitor</source>
        <translation>Über vSphere Task &amp;Monitor</translation>
    </message>
    <message>
        <source>About vSphere Task Monitor</source>
        <translation>Über vSphere Task Monitor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;vSphere Task Monitor %1&lt;/h3&gt;&lt;p&gt;Live tasks, task history and task descriptions of vCenter Server over the VI/JSON API.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;vSphere Task Monitor %1&lt;/h3&gt;&lt;p&gt;Laufende Aufgaben, Aufgabenverlauf und Aufgabenbeschreibungen von vCenter Server über die VI/JSON-API.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>All</source>
        <comment>task filter</comment>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task filter</comment>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task filter</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Queued and running tasks</source>
        <translation>Eingereihte und laufende Aufgaben</translation>
    </message>
    <message>
        <source>Tasks that ended with an error (not cancelled)</source>
        <translation>Mit einem Fehler beendete Aufgaben (nicht abgebrochene)</translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation>Aufgaben filtern</translation>
    </message>
    <message>
        <source>Filter by task, target, initiator or details (Ctrl+F)</source>
        <translation>Nach Aufgabe, Ziel, Initiator oder Details filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Recent tasks</source>
        <translation>Aktuelle Aufgaben</translation>
    </message>
    <message>
        <source>Task %1 is not in the recent list.</source>
        <translation>Aufgabe %1 ist nicht in der Liste der aktuellen Aufgaben.</translation>
    </message>
    <message>
        <source>Task failed: %1</source>
        <translation>Aufgabe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>%1 — vSphere Task Monitor</source>
        <translation>%1 — vSphere Task Monitor</translation>
    </message>
    <message>
        <source>(Demo)</source>
        <translation>(Demo)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connected (polling)</source>
        <translation>Verbunden (Abfragemodus)</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Erneut verbinden…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 · %2 %3 · API %4</source>
        <translation>%1 · %2 %3 · API %4</translation>
    </message>
    <message>
        <source>Demo: built-in simulator</source>
        <translation>Demo: eingebauter Simulator</translation>
    </message>
    <message>
        <source>⚠ Certificate checks are off (--insecure)</source>
        <translation>⚠ Zertifikatsprüfung ist aus (--insecure)</translation>
    </message>
    <message>
        <source>Last update %1</source>
        <translation>Letzte Aktualisierung %1</translation>
    </message>
    <message>
        <source>Cancel Task</source>
        <translation>Aufgabe abbrechen</translation>
    </message>
    <message>
        <source>Cancel “%1” on %2?</source>
        <translation>„%1“ auf %2 abbrechen?</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>dem Server</translation>
    </message>
    <message>
        <source>The server stops the task as soon as it can. Work it has already done is not undone.</source>
        <translation>Der Server stoppt die Aufgabe, sobald er kann. Bereits erledigte Arbeit wird nicht rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cancel requested for %1.</source>
        <translation>Abbruch für %1 angefordert.</translation>
    </message>
    <message>
        <source>Task Not Cancelled</source>
        <translation>Aufgabe nicht abgebrochen</translation>
    </message>
    <message>
        <source>The server did not cancel %1: %2</source>
        <translation>Der Server hat %1 nicht abgebrochen: %2</translation>
    </message>
    <message>
        <source>Export Tasks as CSV</source>
        <translation>Aufgaben als CSV exportieren</translation>
    </message>
    <message>
        <source>Export Tasks as JSON</source>
        <translation>Aufgaben als JSON exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n task(s) to %1.</source>
        <translation><numerusform>%n Aufgabe nach %1 exportiert.</numerusform><numerusform>%n Aufgaben nach %1 exportiert.</numerusform></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>reconnecting, next attempt in %n s</source>
        <comment>stale banner</comment>
        <translation><numerusform>neue Verbindung, nächster Versuch in %n s</numerusform><numerusform>neue Verbindung, nächster Versuch in %n s</numerusform></translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <comment>stale banner</comment>
        <translation>neue Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>the connection failed: %1</source>
        <comment>stale banner</comment>
        <translation>die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not connected</source>
        <comment>stale banner</comment>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <comment>stale banner</comment>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>catching up with the server…</source>
        <comment>stale banner</comment>
        <translation>Abgleich mit dem Server…</translation>
    </message>
    <message>
        <source>catching up with the server after: %1</source>
        <comment>stale banner</comment>
        <translation>Abgleich mit dem Server nach: %1</translation>
    </message>
    <message>
        <source>Not updated since %1 — %2</source>
        <translation>Nicht aktualisiert seit %1 — %2</translation>
    </message>
    <message>
        <source>The server no longer reports this task (it restarted, or the task aged out while the connection was down). Shown as last seen.</source>
        <translation>Der Server meldet diese Aufgabe nicht mehr (er wurde neu gestartet, oder die Aufgabe ist während der Unterbrechung abgelaufen). Angezeigt wie zuletzt gesehen.</translation>
    </message>
    <message>
        <source>Not updated since %1.</source>
        <translation>Nicht aktualisiert seit %1.</translation>
    </message>
    <message>
        <source>&amp;Configure vSphere Task Monitor…</source>
        <translation>vSphere Task Monitor &amp;einrichten…</translation>
    </message>
    <message>
        <source>the server's certificate needs your decision (see above)</source>
        <comment>stale banner</comment>
        <translation>das Zertifikat des Servers braucht Ihre Entscheidung (siehe oben)</translation>
    </message>
</context>
<context>
    <name>PinnedCertificatesModel</name>
    <message>
        <source>Unreadable: %1</source>
        <comment>a pinned certificate</comment>
        <translation>Unlesbar: %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>SHA-256 thumbprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Valid</source>
        <comment>certificate validity period</comment>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Pinned since</source>
        <translation>Festgelegt seit</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
</context>
<context>
    <name>TaskDescriptionModel</name>
    <message>
        <source>Category</source>
        <comment>column: method, state or reason</comment>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Key</source>
        <comment>column: identifier of a label</comment>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Label</source>
        <comment>column: localized short text</comment>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Summary</source>
        <comment>column: localized long text</comment>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Method</source>
        <comment>task description category</comment>
        <translation>Methode</translation>
    </message>
    <message>
        <source>State</source>
        <comment>task description category</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>task description category</comment>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>TaskDetailsView</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>started by user %1</source>
        <translation>gestartet von Benutzer %1</translation>
    </message>
    <message>
        <source>started by the system</source>
        <translation>gestartet vom System</translation>
    </message>
    <message>
        <source>started by alarm %1 (%2) on %3</source>
        <translation>gestartet von Alarm %1 (%2) auf %3</translation>
    </message>
    <message>
        <source>started by scheduled task %1 (%2)</source>
        <translation>gestartet von geplanter Aufgabe %1 (%2)</translation>
    </message>
    <message>
        <source>Task details</source>
        <translation>Aufgabendetails</translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation>Wählen Sie eine Aufgabe, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Description ID:</source>
        <translation>Beschreibungs-ID:</translation>
    </message>
    <message>
        <source>Current step:</source>
        <translation>Aktueller Schritt:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Progress detail %1:</source>
        <translation>Fortschrittsdetail %1:</translation>
    </message>
    <message>
        <source>Cancelable:</source>
        <translation>Abbrechbar:</translation>
    </message>
    <message>
        <source>Cancelled:</source>
        <translation>Abgebrochen:</translation>
    </message>
    <message>
        <source>Target and initiator</source>
        <translation>Ziel und Initiator</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Objekt:</translation>
    </message>
    <message>
        <source>Locked entities:</source>
        <translation>Gesperrte Objekte:</translation>
    </message>
    <message>
        <source>Initiator:</source>
        <translation>Initiator:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Queued:</source>
        <translation>Eingereiht:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>Abgeschlossen:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Fault type:</source>
        <translation>Fehlertyp:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Meldung:</translation>
    </message>
    <message>
        <source>Fault messages:</source>
        <translation>Fehlermeldungen:</translation>
    </message>
    <message>
        <source>Caused by:</source>
        <translation>Verursacht durch:</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>Type:</source>
        <comment>of the result value</comment>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>Parent task:</source>
        <translation>Übergeordnete Aufgabe:</translation>
    </message>
    <message>
        <source>Root task:</source>
        <translation>Stammaufgabe:</translation>
    </message>
    <message>
        <source>Activation ID:</source>
        <translation>Aktivierungs-ID:</translation>
    </message>
    <message>
        <source>Event chain ID:</source>
        <translation>Ereignisketten-ID:</translation>
    </message>
    <message>
        <source>Change tag:</source>
        <translation>Änderungs-Tag:</translation>
    </message>
</context>
<context>
    <name>TaskHistoryModel</name>
    <message>
        <source>The server has no task manager.</source>
        <comment>history error</comment>
        <translation>Der Server hat keinen Aufgabenmanager.</translation>
    </message>
    <message>
        <source>This server does not keep task history (it is not a vCenter).</source>
        <comment>history error</comment>
        <translation>Dieser Server führt keinen Aufgabenverlauf (er ist kein vCenter).</translation>
    </message>
    <message>
        <source>The server allows no more task history views for this session (at most %1). Close another history view and try again.</source>
        <comment>history error</comment>
        <translation>Der Server erlaubt für diese Sitzung keine weiteren Verlaufsansichten (höchstens %1). Schließen Sie eine andere Verlaufsansicht und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>TaskItemDelegate</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <comment>seconds</comment>
        <translation><numerusform>vor %n s</numerusform><numerusform>vor %n s</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes</comment>
        <translation><numerusform>vor %n min</numerusform><numerusform>vor %n min</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours</comment>
        <translation><numerusform>vor %n h</numerusform><numerusform>vor %n h</numerusform></translation>
    </message>
</context>
<context>
    <name>TaskMonitor</name>
    <message>
        <source>The server has no TaskManager.</source>
        <comment>task monitor error</comment>
        <translation>Der Server hat keinen TaskManager.</translation>
    </message>
    <message>
        <source>The task watch was set up %1 times in a row without getting to its first update (does the session end every few calls?); polling for changes instead.</source>
        <comment>task monitor error</comment>
        <translation>Die Überwachung der Aufgaben wurde %1-mal hintereinander eingerichtet, ohne ihre erste Aktualisierung zu erreichen (endet die Sitzung alle paar Aufrufe?); Änderungen werden stattdessen abgefragt.</translation>
    </message>
    <message>
        <source>The latest page of tasks cannot be read: %1</source>
        <comment>task monitor error</comment>
        <translation>Die neueste Seite der Aufgaben ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>A task without a readable key was left out: %1</source>
        <comment>task monitor error</comment>
        <translation>Eine Aufgabe ohne lesbaren Schlüssel wurde ausgelassen: %1</translation>
    </message>
</context>
<context>
    <name>TaskTable</name>
    <message>
        <source>Task</source>
        <comment>column: the task's name</comment>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Target</source>
        <comment>column: object the task works on</comment>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>column: task state</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>column: current phase of the task</comment>
        <translation>Details</translation>
    </message>
    <message>
        <source>Initiator</source>
        <comment>column: who started the task</comment>
        <translation>Initiator</translation>
    </message>
    <message>
        <source>Queued For</source>
        <comment>column: time between queued and started</comment>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Start Time</source>
        <comment>column</comment>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Completion Time</source>
        <comment>column</comment>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Duration</source>
        <comment>column: time between start and completion</comment>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Server</source>
        <comment>column: vCenter or host name</comment>
        <translation>Server</translation>
    </message>
    <message>
        <source>Queued</source>
        <comment>task state</comment>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task state</comment>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>task state</comment>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task state</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <comment>task status while a cancel request is pending</comment>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <comment>task status: state label, progress percent</comment>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>System</source>
        <comment>task initiator: started by the server itself</comment>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>duration</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration</comment>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Unknown to the server · was %1</source>
        <comment>status of a task the server does not know any more; %1 is its last status</comment>
        <translation>Dem Server unbekannt · zuletzt %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>this build has no simulator</source>
        <translation>diese Version enthält keinen Simulator</translation>
    </message>
    <message>
        <source>Live tasks, history and descriptions of vCenter Server.</source>
        <translation>Laufende Aufgaben, Verlauf und Beschreibungen von vCenter Server.</translation>
    </message>
    <message>
        <source>Start the built-in simulator and connect to it.</source>
        <translation>Den eingebauten Simulator starten und sich mit ihm verbinden.</translation>
    </message>
    <message>
        <source>Language of the interface and of server messages (de, en).</source>
        <translation>Sprache der Oberfläche und der Servermeldungen (de, en).</translation>
    </message>
    <message>
        <source>locale</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Do not verify server certificates (dangerous).</source>
        <translation>Serverzertifikate nicht prüfen (gefährlich).</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The built-in simulator did not start: %1</source>
        <translation>Der eingebaute Simulator ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Connect to this server at start (as typed in the connect dialog; http:// only when written so).</source>
        <translation>Beim Start mit diesem Server verbinden (wie im Verbindungsdialog eingegeben; http:// nur, wenn so geschrieben).</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User name for --server; the password comes from VTASKMON_PASSWORD, or the connect dialog asks.</source>
        <translation>Benutzername für --server; das Kennwort kommt aus VTASKMON_PASSWORD, sonst fragt der Verbindungsdialog.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>TrustStore</name>
    <message>
        <source>an unreadable value</source>
        <translation>ein unlesbarer Wert</translation>
    </message>
    <message>
        <source>binary data (%1 bytes)</source>
        <translation>Binärdaten (%1 Byte)</translation>
    </message>
    <message>
        <source>a value of type %1</source>
        <translation>ein Wert vom Typ %1</translation>
    </message>
    <message>
        <source>no thumbprint is stored</source>
        <translation>es ist kein Fingerabdruck gespeichert</translation>
    </message>
    <message>
        <source>%1 is not a SHA-256 thumbprint (64 hexadecimal digits)</source>
        <translation>%1 ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>%1 in %2 is not a date; it is shown as not recorded.</source>
        <translation>%1 in %2 ist kein Datum; es wird als nicht erfasst angezeigt.</translation>
    </message>
    <message>
        <source>%1 in %2 holds %3, not pinned certificates; it is ignored.</source>
        <translation>%1 in %2 enthält %3, keine festgelegten Zertifikate; der Eintrag wird nicht beachtet.</translation>
    </message>
    <message>
        <source>%1 in %2 keeps %3 entries that name no host; they are ignored.</source>
        <translation>%1 in %2 behält %3 Einträge, die keinen Host nennen; sie werden nicht beachtet.</translation>
    </message>
    <message>
        <source>The certificate pinned for %1 cannot be used: %2. The host counts as not pinned; pin its certificate again, or remove the pin under Settings, Certificates.</source>
        <translation>Das für %1 festgelegte Zertifikat ist unbrauchbar: %2. Der Host gilt als nicht festgelegt; legen Sie sein Zertifikat erneut fest oder entfernen Sie die Festlegung unter Einstellungen, Zertifikate.</translation>
    </message>
</context>
</TS>