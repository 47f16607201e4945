<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Offline-first checkout for food hubs selling through Open Food Network.</source>
        <translation>Caisse hors ligne pour les plateformes alimentaires qui vendent via Open Food Network.</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Dossier des données :</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Fichier journal :</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Kind of action</source>
        <translation>Type d'action</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Rechercher dans le journal d'audit</translation>
    </message>
    <message>
        <source>Order, receipt or text</source>
        <translation>Commande, ticket ou texte</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export the audit log as CSV</source>
        <translation>Exporter le journal d'audit en CSV</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>Entrées affichées</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>All tills</source>
        <translation>Toutes les caisses</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) shown</source>
        <translation>
            <numerusform>%n entrée affichée</numerusform><numerusform>%n entrées affichées</numerusform></translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d'audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>nothing yet</source>
        <translation>rien pour l'instant</translation>
    </message>
    <message>
        <source>No collections yet</source>
        <translation>Aucun retrait pour l'instant</translation>
    </message>
</context>
<context>
    <name>LineItemModel</name>
    <message>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Chilled</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>%1 (weighed %2)</source>
        <translation>%1 (pesé %2)</translation>
    </message>
    <message>
        <source>❄ chilled</source>
        <translation>❄ au frais</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No hub yet</source>
        <translation>Pas encore de plateforme</translation>
    </message>
    <message>
        <source>Scan or search</source>
        <translation>Scanner ou rechercher</translation>
    </message>
    <message>
        <source>Scan a bag or type a name, customer code or order number</source>
        <translation>Scannez un sac ou tapez un nom, un code client ou un numéro de commande</translation>
    </message>
    <message>
        <source>Pickup point</source>
        <translation>Point de retrait</translation>
    </message>
    <message>
        <source>All pickup points</source>
        <translation>Tous les points de retrait</translation>
    </message>
    <message>
        <source>Scan message</source>
        <translation>Message de scan</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>DEMO DATA: not a real hub</source>
        <translation>DONNÉES DE DÉMO : pas une vraie plateforme</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démo</translation>
    </message>
    <message>
        <source>Offline: not connected to Open Food Network</source>
        <translation>Hors ligne : non connecté à Open Food Network</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>No printer set up</source>
        <translation>Aucune imprimante configurée</translation>
    </message>
    <message>
        <source>Printer status</source>
        <translation>État de l'imprimante</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Reconcile the day…</source>
        <translation>&amp;Rapprocher la journée…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Food Hub POS</source>
        <translation>À &amp;propos de Food Hub POS</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) shown</source>
        <translation>
            <numerusform>%n commande affichée</numerusform>
            <numerusform>%n commandes affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try again or type a name.</source>
        <translation>Aucun résultat pour « %1 ». Réessayez ou tapez un nom.</translation>
    </message>
    <message>
        <source>Order %1 belongs to another pickup point: %2.</source>
        <translation>La commande %1 appartient à un autre point de retrait : %2.</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Pickup point</source>
        <translation>Point de retrait</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>À payer</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <source>Scan a bag or pick an order</source>
        <translation>Scannez un sac ou choisissez une commande</translation>
    </message>
    <message>
        <source>Items in the order</source>
        <translation>Articles de la commande</translation>
    </message>
    <message>
        <source>no pickup point</source>
        <translation>aucun point de retrait</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Order %1 · pickup: %2</source>
        <translation>Commande %1 · retrait : %2</translation>
    </message>
    <message>
        <source>Cancelled in OFN: do not hand over</source>
        <translation>Annulée dans OFN : ne pas remettre</translation>
    </message>
    <message>
        <source>Balance due: %1</source>
        <translation>Reste à payer : %1</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Note from the customer: %1</source>
        <translation>Note du client : %1</translation>
    </message>
</context>
<context>
    <name>ReconcileWindow</name>
    <message>
        <source>Reconcile the day</source>
        <translation>Rapprocher la journée</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Partly collected</source>
        <translation>Retirée en partie</translation>
    </message>
    <message>
        <source>Not collected</source>
        <translation>Non retirée</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Pushed and verified</source>
        <translation>Envoyée et vérifiée</translation>
    </message>
    <message>
        <source>Waiting to push</source>
        <translation>En attente d'envoi</translation>
    </message>
    <message>
        <source>Needs staff action</source>
        <translation>À traiter par l'équipe</translation>
    </message>
    <message>
        <source>Staff action done</source>
        <translation>Action de l'équipe faite</translation>
    </message>
    <message>
        <source>Conflict with OFN</source>
        <translation>Conflit avec OFN</translation>
    </message>
    <message>
        <source>Enter the payment</source>
        <translation>Saisir le paiement</translation>
    </message>
    <message>
        <source>Handed over unpaid</source>
        <translation>Remise sans paiement</translation>
    </message>
    <message>
        <source>Refund or credit</source>
        <translation>Remboursement ou avoir</translation>
    </message>
    <message>
        <source>Record the walk-in sale</source>
        <translation>Enregistrer la vente directe</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Order cycle</source>
        <translation>Cycle de commande</translation>
    </message>
    <message>
        <source>Pickup point</source>
        <translation>Point de retrait</translation>
    </message>
    <message>
        <source>All pickup points</source>
        <translation>Tous les points de retrait</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Report PDF…</source>
        <translation>Rapport PDF…</translation>
    </message>
    <message>
        <source>Save the end-of-day report as PDF</source>
        <translation>Enregistrer le rapport de fin de journée en PDF</translation>
    </message>
    <message>
        <source>Report CSV…</source>
        <translation>Rapport CSV…</translation>
    </message>
    <message>
        <source>Save the end-of-day report as CSV</source>
        <translation>Enregistrer le rapport de fin de journée en CSV</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Reconciling as %1</source>
        <translation>Rapprochement par %1</translation>
    </message>
    <message>
        <source>Reconciling as</source>
        <translation>Rapprochement par</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>La journée</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>To do in OFN</source>
        <translation>À faire dans OFN</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>Open Food Network sync</source>
        <translation>Synchronisation Open Food Network</translation>
    </message>
    <message>
        <source>Owed on orders</source>
        <translation>Dû sur les commandes</translation>
    </message>
    <message>
        <source>Walk-in sales</source>
        <translation>Ventes directes</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Left owing</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Credit owed</source>
        <translation>Avoir dû</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Argent</translation>
    </message>
    <message>
        <source>Money explanation</source>
        <translation>Explication des montants</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Money by method</source>
        <translation>Montants par moyen de paiement</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Bénévole</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <source>Cash taken</source>
        <translation>Espèces reçues</translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation>Entrées/sorties d'espèces</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Espèces attendues</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Till sessions</source>
        <translation>Sessions de caisse</translation>
    </message>
    <message>
        <source>Collections per half hour</source>
        <translation>Retraits par demi-heure</translation>
    </message>
    <message>
        <source>Collected and remaining per pickup point</source>
        <translation>Retirées et restantes par point de retrait</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restantes</translation>
    </message>
    <message>
        <source>Collected and remaining per point</source>
        <translation>Retirées et restantes par point</translation>
    </message>
    <message>
        <source>Money: expected against recorded</source>
        <translation>Argent : attendu et enregistré</translation>
    </message>
    <message>
        <source>Show orders</source>
        <translation>Afficher les commandes</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Toutes les commandes</translation>
    </message>
    <message>
        <source>Needing staff action or in conflict</source>
        <translation>À traiter par l'équipe ou en conflit</translation>
    </message>
    <message>
        <source>Left owing (not or partly paid)</source>
        <translation>Reste dû (non ou partiellement payées)</translation>
    </message>
    <message>
        <source>Credit owed back (paid too much)</source>
        <translation>Avoir à rendre (trop payé)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Total commande</translation>
    </message>
    <message>
        <source>Owed at till</source>
        <translation>Dû en caisse</translation>
    </message>
    <message>
        <source>Paid at till</source>
        <translation>Payé en caisse</translation>
    </message>
    <message>
        <source>OFN sync</source>
        <translation>Synchro OFN</translation>
    </message>
    <message>
        <source>No-show reason</source>
        <translation>Raison de l'absence</translation>
    </message>
    <message>
        <source>Reason, e.g. did not come</source>
        <translation>Raison, par ex. n'est pas venu</translation>
    </message>
    <message>
        <source>Mark selected as no-show</source>
        <translation>Marquer la sélection absente</translation>
    </message>
    <message>
        <source>Clear no-show</source>
        <translation>Effacer l'absence</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show actions already done</source>
        <translation>Afficher les actions déjà faites</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Open in OFN</source>
        <translation>Ouvrir dans OFN</translation>
    </message>
    <message>
        <source>Open the order's page in OFN</source>
        <translation>Ouvrir la page de la commande dans OFN</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marquer fait</translation>
    </message>
    <message>
        <source>Mark the action done</source>
        <translation>Marquer l'action comme faite</translation>
    </message>
    <message>
        <source>Keep the till's collection</source>
        <translation>Garder le retrait en caisse</translation>
    </message>
    <message>
        <source>Accept OFN's state</source>
        <translation>Accepter l'état d'OFN</translation>
    </message>
    <message>
        <source>OFN's API cannot record most payments taken at the till: open the order in OFN, enter what is listed, then mark it done here.</source>
        <translation>L'API d'OFN ne peut pas enregistrer la plupart des paiements reçus en caisse : ouvrez la commande dans OFN, saisissez ce qui est indiqué, puis marquez-le fait ici.</translation>
    </message>
    <message>
        <source>Open Food Network: %1 pushed and verified, %2 waiting to push, %3 needing staff action, %4 in conflict.</source>
        <translation>Open Food Network : %1 envoyées et vérifiées, %2 en attente d'envoi, %3 à traiter par l'équipe, %4 en conflit.</translation>
    </message>
    <message>
        <source>Recorded %1 against %2 expected. Customers still owe %3; the hub owes %4 back. Walk-in sales: %5.</source>
        <translation>Enregistré %1 pour %2 attendus. Les clients doivent encore %3 ; le hub doit rendre %4. Ventes directes : %5.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>To do in OFN (%1)</source>
        <translation>À faire dans OFN (%1)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Marked done: %1.</source>
        <translation>Marqué fait : %1.</translation>
    </message>
    <message>
        <source>Kept the till's collection of %1; it is flagged for staff.</source>
        <translation>Retrait en caisse de %1 conservé ; il est signalé à l'équipe.</translation>
    </message>
    <message>
        <source>Accepted OFN's state for %1; the till's collection was reversed.</source>
        <translation>État d'OFN accepté pour %1 ; le retrait en caisse a été annulé.</translation>
    </message>
    <message>
        <source>Select the orders that were not collected first.</source>
        <translation>Sélectionnez d'abord les commandes non retirées.</translation>
    </message>
    <message>
        <source>Give a reason for the no-show (e.g. “did not come”).</source>
        <translation>Indiquez la raison de l'absence (par ex. « n'est pas venu »).</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) marked as no-show.</source>
        <translation>
            <numerusform>%n commande marquée absente.</numerusform><numerusform>%n commandes marquées absentes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n no-show mark(s) cleared.</source>
        <translation>
            <numerusform>%n absence effacée.</numerusform><numerusform>%n absences effacées.</numerusform></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>StaffPinDialog</name>
    <message>
        <source>Hub staff</source>
        <translation>Équipe du hub</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Hub-staff PIN</source>
        <translation>Code de l'équipe du hub</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>Message du code</translation>
    </message>
    <message>
        <source>No hub-staff PIN is set: anyone at this till can reconcile.</source>
        <translation>Aucun code d'équipe n'est défini : toute personne à cette caisse peut faire le rapprochement.</translation>
    </message>
    <message>
        <source>Open reconciliation</source>
        <translation>Ouvrir le rapprochement</translation>
    </message>
    <message>
        <source>Enter your name: the audit log records who did what.</source>
        <translation>Saisissez votre nom : le journal d'audit enregistre qui a fait quoi.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ce code n'est pas le bon.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>An unexpected error happened. Nothing already saved has been lost.

Please tell the hub, and give them the log file:
%1</source>
        <translation>Une erreur inattendue s'est produite. Rien de ce qui était déjà enregistré n'est perdu.

Prévenez la plateforme et donnez-lui le fichier journal :
%1</translation>
    </message>
</context>
</TS>