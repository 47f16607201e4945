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
    <name>ActionsTab</name>
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
        <source>Void the OFN payment</source>
        <translation>Annuler le paiement OFN</translation>
    </message>
    <message>
        <source>Customer emailed late</source>
        <translation>Client prévenu en retard</translation>
    </message>
    <message>
        <source>Handed over twice</source>
        <translation>Remise deux fois</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Show actions already done</source>
        <translation>Afficher les actions déjà faites</translation>
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
        <source>What to do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>To do in OFN</source>
        <translation>À faire dans OFN</translation>
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
        <source>Checkouts</source>
        <translation>Encaissements</translation>
    </message>
    <message>
        <source>Order handed over</source>
        <translation>Commande remise</translation>
    </message>
    <message>
        <source>Checkout undone</source>
        <translation>Encaissement défait</translation>
    </message>
    <message>
        <source>Walk-in sale</source>
        <translation>Vente directe</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>Impressions</translation>
    </message>
    <message>
        <source>Print job cancelled</source>
        <translation>Impression annulée</translation>
    </message>
    <message>
        <source>Print job queued</source>
        <translation>Impression mise en file</translation>
    </message>
    <message>
        <source>Print job recovered</source>
        <translation>Impression reprise</translation>
    </message>
    <message>
        <source>Receipt reprinted</source>
        <translation>Ticket réimprimé</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Printer settings changed</source>
        <translation>Réglages de l'imprimante modifiés</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>Marquée absente</translation>
    </message>
    <message>
        <source>No-show mark cleared</source>
        <translation>Marque d'absence retirée</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Code du personnel</translation>
    </message>
    <message>
        <source>Staff PIN removed</source>
        <translation>Code PIN responsable retiré</translation>
    </message>
    <message>
        <source>Staff PIN set</source>
        <translation>Code PIN responsable défini</translation>
    </message>
    <message>
        <source>Wrong staff PIN</source>
        <translation>Mauvais code PIN responsable</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Réglage modifié</translation>
    </message>
    <message>
        <source>Sync rules changed</source>
        <translation>Règles de synchronisation modifiées</translation>
    </message>
    <message>
        <source>OFN actions</source>
        <translation>Actions OFN</translation>
    </message>
    <message>
        <source>OFN action marked done</source>
        <translation>Action OFN marquée faite</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Payment capture tried in OFN</source>
        <translation>Encaissement du paiement tenté dans OFN</translation>
    </message>
    <message>
        <source>Conflict with OFN</source>
        <translation>Conflit avec OFN</translation>
    </message>
    <message>
        <source>Conflict with OFN resolved</source>
        <translation>Conflit avec OFN résolu</translation>
    </message>
    <message>
        <source>Push to OFN failed</source>
        <translation>Envoi vers OFN échoué</translation>
    </message>
    <message>
        <source>Walk-in sale listed for staff</source>
        <translation>Vente directe signalée au personnel</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Entrée d'espèces</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Sortie d'espèces</translation>
    </message>
    <message>
        <source>Till closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <source>Till opened</source>
        <translation>Caisse ouverte</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>équipe</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>bénévole</translation>
    </message>
    <message>
        <source>the app</source>
        <translation>l'application</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>synchro</translation>
    </message>
    <message>
        <source>backup restore</source>
        <translation>restauration de sauvegarde</translation>
    </message>
    <message>
        <source>OFN action</source>
        <translation>action OFN</translation>
    </message>
    <message>
        <source>cash movement</source>
        <translation>mouvement de caisse</translation>
    </message>
    <message>
        <source>checkout</source>
        <translation>encaissement</translation>
    </message>
    <message>
        <source>journal</source>
        <translation>journal</translation>
    </message>
    <message>
        <source>order</source>
        <translation>commande</translation>
    </message>
    <message>
        <source>order cycle</source>
        <translation>cycle de commande</translation>
    </message>
    <message>
        <source>pickup point</source>
        <translation>point de retrait</translation>
    </message>
    <message>
        <source>print job</source>
        <translation>impression</translation>
    </message>
    <message>
        <source>delivery round</source>
        <translation>tournée de livraison</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>réglages</translation>
    </message>
    <message>
        <source>till session</source>
        <translation>session de caisse</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>montant</translation>
    </message>
    <message>
        <source>due</source>
        <translation>dû</translation>
    </message>
    <message>
        <source>change</source>
        <translation>monnaie rendue</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>compté</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>avoir</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>écart</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>attendu</translation>
    </message>
    <message>
        <source>float</source>
        <translation>fond de caisse</translation>
    </message>
    <message>
        <source>goods</source>
        <translation>marchandises</translation>
    </message>
    <message>
        <source>left owing</source>
        <translation>reste dû</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>payé</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>remboursement</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>ticket</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>items</source>
        <translation>articles</translation>
    </message>
    <message>
        <source>changed lines</source>
        <translation>lignes modifiées</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
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
            <numerusform>%n entrée affichée</numerusform>
            <numerusform>%n entrées affichées</numerusform>
        </translation>
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
    <name>CloseConfirmDialog</name>
    <message>
        <source>Close with a difference?</source>
        <translation>Fermer avec un écart ?</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>Il manque %1</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 en trop</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Expected in the drawer: %1
Counted: %2
Difference: %3</source>
        <translation>Attendu dans le tiroir : %1
Compté : %2
Écart : %3</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Code du personnel</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Recompter</translation>
    </message>
    <message>
        <source>Close with this difference</source>
        <translation>Fermer avec cet écart</translation>
    </message>
    <message>
        <source>The difference is over the hub's limit: hub-staff PIN</source>
        <translation>L'écart dépasse la limite du hub : code du personnel du hub</translation>
    </message>
</context>
<context>
    <name>CustomerDataDialog</name>
    <message>
        <source>Customer data</source>
        <translation>Données du client</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · order %2 · %n order(s) on this till</source>
        <translation>
            <numerusform>%1 · commande %2 · %n commande sur cette caisse</numerusform>
            <numerusform>%1 · commande %2 · %n commandes sur cette caisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Export what this till holds…</source>
        <translation>Exporter ce que la caisse détient…</translation>
    </message>
    <message>
        <source>Export what this till holds about this customer</source>
        <translation>Exporter ce que la caisse détient sur ce client</translation>
    </message>
    <message>
        <source>Erase for good: this cannot be undone</source>
        <translation>Effacer pour de bon : c'est irréversible</translation>
    </message>
    <message>
        <source>Confirm the erasure</source>
        <translation>Confirmer l'effacement</translation>
    </message>
    <message>
        <source>Erase this customer's details now</source>
        <translation>Effacer maintenant les données de ce client</translation>
    </message>
    <message>
        <source>Erasing removes the name, email, phone and notes from every order of this customer on this till and deletes the customer; amounts stay for the books. Erase them in OFN too.</source>
        <translation>L'effacement retire le nom, l'e-mail, le téléphone et les notes de toutes les commandes de ce client sur cette caisse et supprime le client ; les montants restent pour la comptabilité. Effacez-les aussi dans OFN.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export customer data</source>
        <translation>Exporter les données du client</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Écrit : %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Effacement en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Erased from %n order(s) on this till.</source>
        <translation>
            <numerusform>Effacé de %n commande sur cette caisse.</numerusform>
            <numerusform>Effacé de %n commandes sur cette caisse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayTab</name>
    <message>
        <source>Open Food Network sync</source>
        <translation>Synchronisation Open Food Network</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Pickup point</source>
        <translation>Point de retrait</translation>
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
        <source>Collected</source>
        <translation>Retirée</translation>
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
        <source>Till sessions still open</source>
        <translation>Sessions de caisse encore ouvertes</translation>
    </message>
    <message>
        <source>Open Food Network: %1 pushed and verified, %2 waiting to push, %3 needing staff action, %4 in conflict.</source>
        <translation>Open Food Network : %1 envoyées et vérifiées, %2 en attente d'envoi, %3 à traiter par l'équipe, %4 en conflit.</translation>
    </message>
    <message>
        <source>All pickup points</source>
        <translation>Tous les points de retrait</translation>
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
        <source>Still open, cash not counted: %1.</source>
        <translation>Encore ouverte, espèces non comptées : %1.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Food Hub POS</source>
        <translation>Bienvenue dans Food Hub POS</translation>
    </message>
    <message>
        <source>A demo hub with made-up orders: try the till, or connect to your OFN hub.</source>
        <translation>Un hub de démonstration avec des commandes inventées : essayez la caisse, ou connectez votre hub OFN.</translation>
    </message>
    <message>
        <source>Use the demo hub</source>
        <translation>Utiliser le hub de démonstration</translation>
    </message>
    <message>
        <source>Connect to Open Food Network…</source>
        <translation>Se connecter à Open Food Network…</translation>
    </message>
</context>
<context>
    <name>HubSettingsDialog</name>
    <message>
        <source>Hub settings</source>
        <translation>Réglages du hub</translation>
    </message>
    <message>
        <source>Payment methods offered at the till</source>
        <translation>Moyens de paiement proposés à la caisse</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name on the till and receipts</source>
        <translation>Nom à la caisse et sur les tickets</translation>
    </message>
    <message>
        <source>New payment method code</source>
        <translation>Code du nouveau moyen de paiement</translation>
    </message>
    <message>
        <source>code, e.g. gift</source>
        <translation>code, p. ex. cadeau</translation>
    </message>
    <message>
        <source>New payment method name</source>
        <translation>Nom du nouveau moyen de paiement</translation>
    </message>
    <message>
        <source>name, e.g. Gift card</source>
        <translation>nom, p. ex. Carte cadeau</translation>
    </message>
    <message>
        <source>Add method</source>
        <translation>Ajouter le moyen</translation>
    </message>
    <message>
        <source>Add payment method</source>
        <translation>Ajouter un moyen de paiement</translation>
    </message>
    <message>
        <source>Cash is always offered. A code is 2 to 20 lowercase letters.</source>
        <translation>Les espèces sont toujours proposées. Un code compte 2 à 20 lettres minuscules.</translation>
    </message>
    <message>
        <source>Till id</source>
        <translation>Identifiant de la caisse</translation>
    </message>
    <message>
        <source>Default pickup point</source>
        <translation>Point de retrait par défaut</translation>
    </message>
    <message>
        <source>All pickup points</source>
        <translation>Tous les points de retrait</translation>
    </message>
    <message>
        <source>Close difference limit</source>
        <translation>Écart de clôture maximal</translation>
    </message>
    <message>
        <source>Items per bag label</source>
        <translation>Articles par étiquette de sac</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>Celle de l'ordinateur</translation>
    </message>
    <message>
        <source>Share customer names with producers</source>
        <translation>Communiquer le nom des clients aux producteurs</translation>
    </message>
    <message>
        <source>Days to keep customer details after the order cycle</source>
        <translation>Jours de conservation des données clients après le cycle de commande</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Byte-order mark in CSV exports</source>
        <translation>Marque d'ordre des octets (BOM) dans les exports CSV</translation>
    </message>
    <message>
        <source>CSV byte-order mark</source>
        <translation>Marque d'ordre des octets CSV</translation>
    </message>
    <message>
        <source>Write till notes into OFN orders</source>
        <translation>Écrire les notes de caisse dans les commandes OFN</translation>
    </message>
    <message>
        <source>Write OFN order notes</source>
        <translation>Écrire les notes de commande OFN</translation>
    </message>
    <message>
        <source>Till id (e.g. T1, T2)</source>
        <translation>Identifiant de la caisse (p. ex. T1, T2)</translation>
    </message>
    <message>
        <source>Each till of the hub needs its own id; it starts every receipt number. A new id takes effect at next start.</source>
        <translation>Chaque caisse du hub a son propre identifiant ; il commence chaque numéro de ticket. Un nouvel identifiant s'applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>This till's pickup point</source>
        <translation>Point de retrait de cette caisse</translation>
    </message>
    <message>
        <source>Close difference limit (%1)</source>
        <translation>Écart de clôture maximal (%1)</translation>
    </message>
    <message>
        <source>Closing the till with a larger cash difference needs the hub-staff PIN.</source>
        <translation>Clôturer la caisse avec un écart plus grand demande le code PIN responsable.</translation>
    </message>
    <message>
        <source>Items per bag (labels)</source>
        <translation>Articles par sac (étiquettes)</translation>
    </message>
    <message>
        <source>A new language takes effect at next start.</source>
        <translation>Une nouvelle langue s'applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Off: producers' lists show customer codes only, so customers' names stay with the hub.</source>
        <translation>Désactivé : les listes des producteurs n'indiquent que les codes clients, les noms des clients restent au hub.</translation>
    </message>
    <message>
        <source>Keep customer details</source>
        <translation>Garder les données clients</translation>
    </message>
    <message>
        <source>After the order cycle, and once everything is in OFN, names, emails, phones and notes are removed from this till; the figures stay.</source>
        <translation>Après le cycle de commande, et une fois tout envoyé à OFN, noms, e-mails, téléphones et notes sont retirés de cette caisse ; les chiffres restent.</translation>
    </message>
    <message>
        <source>Turn on if a spreadsheet shows accents wrongly.</source>
        <translation>À activer si un tableur affiche mal les accents.</translation>
    </message>
    <message>
        <source>Off by default. Each note replaces the note hub staff wrote on the order in OFN (the till cannot read it to keep it), and OFN prints it on the invoice the customer sees.</source>
        <translation>Désactivé par défaut. Chaque note remplace celle que l'équipe du hub a écrite sur la commande dans OFN (la caisse ne peut pas la lire pour la conserver), et OFN l'imprime sur la facture que voit le client.</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les réglages</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Offer %1</source>
        <translation>Proposer %1</translation>
    </message>
    <message>
        <source>Name of %1</source>
        <translation>Nom de %1</translation>
    </message>
    <message>
        <source>A till id is 1 to 8 letters or digits, e.g. T2.</source>
        <translation>Un identifiant de caisse compte 1 à 8 lettres ou chiffres, p. ex. T2.</translation>
    </message>
    <message>
        <source>Close the till session before changing the till id.</source>
        <translation>Clôturez la session de caisse avant de changer l'identifiant de la caisse.</translation>
    </message>
    <message>
        <source>Type the largest difference allowed, e.g. 5.00.</source>
        <translation>Saisissez l'écart maximal autorisé, p. ex. 5,00.</translation>
    </message>
    <message>
        <source>The limit cannot be negative.</source>
        <translation>La limite ne peut pas être négative.</translation>
    </message>
    <message>
        <source>Type an amount with digits only, e.g. 5.00.</source>
        <translation>Saisissez un montant en chiffres seulement, p. ex. 5,00.</translation>
    </message>
    <message>
        <source>Items per bag must be between 1 and 999.</source>
        <translation>Le nombre d'articles par sac va de 1 à 999.</translation>
    </message>
    <message>
        <source>Keep customer details 1 to 3650 days.</source>
        <translation>Gardez les données clients de 1 à 3650 jours.</translation>
    </message>
    <message>
        <source>That pickup point is not in this hub.</source>
        <translation>Ce point de retrait n'appartient pas à ce hub.</translation>
    </message>
    <message>
        <source>Pick a language from the list.</source>
        <translation>Choisissez une langue dans la liste.</translation>
    </message>
    <message>
        <source>“%1”: a method code is 2 to 20 lowercase letters.</source>
        <translation>« %1 » : un code de moyen de paiement compte 2 à 20 lettres minuscules.</translation>
    </message>
    <message>
        <source>There is already a method “%1”.</source>
        <translation>Le moyen « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>Give method “%1” a name.</source>
        <translation>Donnez un nom au moyen « %1 ».</translation>
    </message>
    <message>
        <source>The name of “%1” is too long (30 characters at most).</source>
        <translation>Le nom de « %1 » est trop long (30 caractères au plus).</translation>
    </message>
    <message>
        <source>Cash must stay offered.</source>
        <translation>Les espèces doivent rester proposées.</translation>
    </message>
    <message>
        <source>A hub key is at least 12 characters: make one with “Make a new key”.</source>
        <translation>Une clé du hub fait au moins 12 caractères : créez-en une avec « Créer une nouvelle clé ».</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>Cette valeur n'est pas valable.</translation>
    </message>
</context>
<context>
    <name>JournalBox</name>
    <message>
        <source>Several tills: shared journal folder</source>
        <translation>Plusieurs caisses : dossier partagé du journal</translation>
    </message>
    <message>
        <source>Shared journal folder</source>
        <translation>Dossier partagé du journal</translation>
    </message>
    <message>
        <source>e.g. a Syncthing folder</source>
        <translation>par ex. un dossier Syncthing</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the shared journal folder</source>
        <translation>Choisir le dossier partagé du journal</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Test the shared journal folder</source>
        <translation>Tester le dossier partagé du journal</translation>
    </message>
    <message>
        <source>Result of the folder test</source>
        <translation>Résultat du test du dossier</translation>
    </message>
    <message>
        <source>Hub key</source>
        <translation>Clé du hub</translation>
    </message>
    <message>
        <source>the key from another till</source>
        <translation>la clé d'une autre caisse</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Créer une nouvelle clé</translation>
    </message>
    <message>
        <source>Make a new hub key</source>
        <translation>Créer une nouvelle clé du hub</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Afficher la clé</translation>
    </message>
    <message>
        <source>Show the hub key and its QR code</source>
        <translation>Afficher la clé du hub et son code QR</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Changer…</translation>
    </message>
    <message>
        <source>Change the hub key</source>
        <translation>Changer la clé du hub</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the hub key</source>
        <translation>Copier la clé du hub</translation>
    </message>
    <message>
        <source>The hub key as a QR code</source>
        <translation>La clé du hub en code QR</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Tills that share a folder see each other's hand-overs, and a staff copy sees every till's day. Every till of the hub needs the same key: make it on one till, then type it (or scan the QR code) on the others. Leave both empty for a till on its own.</source>
        <translation>Les caisses qui partagent un dossier voient les remises des autres, et une copie de l'équipe voit la journée de chaque caisse. Toutes les caisses du hub ont besoin de la même clé : créez-la sur une caisse, puis tapez-la (ou scannez le code QR) sur les autres. Laissez les deux vides pour une caisse seule.</translation>
    </message>
    <message>
        <source>Choose a folder first.</source>
        <translation>Choisissez d'abord un dossier.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>The folder works: this till can write and read its journal there.</source>
        <translation>Le dossier fonctionne : cette caisse peut y écrire et y lire son journal.</translation>
    </message>
    <message>
        <source>Every till of the hub must use the same key: a till with another key cannot read this till's journal, nor this till theirs.</source>
        <translation>Toutes les caisses du hub doivent utiliser la même clé : une caisse avec une autre clé ne peut pas lire le journal de cette caisse, ni cette caisse le sien.</translation>
    </message>
</context>
<context>
    <name>JournalController</name>
    <message>
        <source>Shared journal status</source>
        <translation>État du journal partagé</translation>
    </message>
    <message>
        <source>Journal: reading the folder…</source>
        <translation>Journal : lecture du dossier…</translation>
    </message>
    <message>
        <source>Journal: waiting for the folder</source>
        <translation>Journal : en attente du dossier</translation>
    </message>
    <message numerus="yes">
        <source>Journal: %n file(s) kept aside</source>
        <translation>
            <numerusform>Journal : %n fichier mis de côté</numerusform>
            <numerusform>Journal : %n fichiers mis de côté</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Journal: %n event(s) to write</source>
        <translation>
            <numerusform>Journal : %n événement à écrire</numerusform>
            <numerusform>Journal : %n événements à écrire</numerusform>
        </translation>
    </message>
    <message>
        <source>Journal: up to date</source>
        <translation>Journal : à jour</translation>
    </message>
    <message numerus="yes">
        <source>Journal: %n file(s) kept aside: %1</source>
        <translation>
            <numerusform>Journal : %n fichier mis de côté : %1</numerusform>
            <numerusform>Journal : %n fichiers mis de côté : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared journal folder: %1</source>
        <translation>Dossier partagé du journal : %1</translation>
    </message>
    <message>
        <source>Last written: %1</source>
        <translation>Dernière écriture : %1</translation>
    </message>
    <message>
        <source>Last read from the other tills: %1</source>
        <translation>Dernière lecture des autres caisses : %1</translation>
    </message>
    <message>
        <source>Files kept aside (another hub's key, damaged, or an order not pulled yet): they are merged as soon as they can be.</source>
        <translation>Fichiers mis de côté (clé d'un autre hub, fichier abîmé, ou commande pas encore téléchargée) : ils sont fusionnés dès que possible.</translation>
    </message>
</context>
<context>
    <name>LeaveOwingDialog</name>
    <message>
        <source>Leave money owing</source>
        <translation>Laisser un reste dû</translation>
    </message>
    <message>
        <source>%1 will be left owing.</source>
        <translation>%1 restera dû.</translation>
    </message>
    <message>
        <source>Amount left owing</source>
        <translation>Montant restant dû</translation>
    </message>
    <message>
        <source>Paid now: %1 of %2.</source>
        <translation>Payé maintenant : %1 sur %2.</translation>
    </message>
    <message>
        <source>Why is money left owing</source>
        <translation>Pourquoi reste-t-il un montant dû</translation>
    </message>
    <message>
        <source>Why? e.g. will pay by bank transfer (required)</source>
        <translation>Pourquoi ? ex. paiera par virement (obligatoire)</translation>
    </message>
    <message>
        <source>Leave %1 owing</source>
        <translation>Laisser %1 dû</translation>
    </message>
    <message>
        <source>Back to payment</source>
        <translation>Retour au paiement</translation>
    </message>
    <message>
        <source>Why is it left owing?</source>
        <translation>Pourquoi ce reste dû ?</translation>
    </message>
    <message>
        <source>Say why, e.g. “will pay by bank transfer”.</source>
        <translation>Dites pourquoi, ex. « paiera par virement ».</translation>
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
        <source>Hand-over</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Chilled</source>
        <translation>Réfrigéré</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Incomplet</translation>
    </message>
    <message>
        <source>Weighed</source>
        <translation>Pesé</translation>
    </message>
    <message>
        <source>%1 (weighed %2)</source>
        <translation>%1 (pesé %2)</translation>
    </message>
    <message>
        <source>❄ chilled</source>
        <translation>❄ réfrigéré</translation>
    </message>
</context>
<context>
    <name>ListsDialog</name>
    <message>
        <source>First free sticker</source>
        <translation>Première étiquette libre</translation>
    </message>
    <message>
        <source>On a part-used sheet of stickers, the first one still free (1 = top left).</source>
        <translation>Sur une planche déjà entamée, la première étiquette encore libre (1 = en haut à gauche).</translation>
    </message>
    <message>
        <source>First free sticker:</source>
        <translation>Première étiquette libre :</translation>
    </message>
    <message>
        <source>Print lists</source>
        <translation>Imprimer les listes</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>Harvest list (totals per producer)</source>
        <translation>Liste de récolte (totaux par producteur)</translation>
    </message>
    <message>
        <source>Producer packing list (by customer)</source>
        <translation>Liste de préparation producteur (par client)</translation>
    </message>
    <message>
        <source>Hub packing list: pack by customer</source>
        <translation>Liste de préparation de la plateforme : par client</translation>
    </message>
    <message>
        <source>Hub packing list: pack by product</source>
        <translation>Liste de préparation de la plateforme : par produit</translation>
    </message>
    <message>
        <source>Collection sheet (per pickup point)</source>
        <translation>Feuille de retrait (par point de retrait)</translation>
    </message>
    <message>
        <source>Bag labels (sheets and 4 x 6 in)</source>
        <translation>Étiquettes de sac (planches et 4 x 6 po)</translation>
    </message>
    <message>
        <source>Run sheet (per delivery round)</source>
        <translation>Feuille de route (par tournée de livraison)</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <source>Every producer (one file each)</source>
        <translation>Tous les producteurs (un fichier chacun)</translation>
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
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Producer lists show customer names and phone numbers (hub setting).</source>
        <translation>Les listes des producteurs montrent le nom et le téléphone des clients (réglage de la plateforme).</translation>
    </message>
    <message>
        <source>Producer lists show customer codes and order numbers only, no names.</source>
        <translation>Les listes des producteurs ne montrent que les codes clients et les numéros de commande, sans les noms.</translation>
    </message>
    <message>
        <source>Customer names on producer lists</source>
        <translation>Noms des clients sur les listes des producteurs</translation>
    </message>
    <message>
        <source>no orders yet</source>
        <translation>pas encore de commandes</translation>
    </message>
    <message>
        <source>Order cycle:</source>
        <translation>Cycle de commande :</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Document :</translation>
    </message>
    <message>
        <source>Producer:</source>
        <translation>Producteur :</translation>
    </message>
    <message>
        <source>Pickup point:</source>
        <translation>Point de retrait :</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier :</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Make PDFs</source>
        <translation>Créer les PDF</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop making the PDFs</source>
        <translation>Arrêter la création des PDF</translation>
    </message>
    <message>
        <source>There are no orders yet: sync with OFN first.</source>
        <translation>Il n'y a pas encore de commandes : synchronisez d'abord avec OFN.</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Dossier des PDF</translation>
    </message>
    <message>
        <source>Choose a folder for the PDFs.</source>
        <translation>Choisissez un dossier pour les PDF.</translation>
    </message>
    <message>
        <source>Making the PDFs…</source>
        <translation>Création des PDF…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Making the PDFs: %1 of %2 done…</source>
        <translation>Création des PDF : %1 sur %2 faits…</translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written to %1.</source>
        <translation>
            <numerusform>%n PDF écrit dans %1.</numerusform>
            <numerusform>%n PDF écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing written yet: some of these PDFs are already there.</source>
        <translation>Rien n'est encore écrit : certains de ces PDF existent déjà.</translation>
    </message>
    <message>
        <source>Replace the PDFs?</source>
        <translation>Remplacer les PDF ?</translation>
    </message>
    <message>
        <source>These PDFs are already in %1. Replace them with new ones?</source>
        <translation>Ces PDF sont déjà dans %1. Les remplacer par de nouveaux ?</translation>
    </message>
    <message>
        <source>Replace them</source>
        <translation>Les remplacer</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Les garder</translation>
    </message>
    <message>
        <source>Nothing was written. Choose another folder to keep both.</source>
        <translation>Rien n'a été écrit. Choisissez un autre dossier pour garder les deux.</translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 PDFs written.</source>
        <translation>Arrêté : %1 PDF sur %2 écrits.</translation>
    </message>
    <message>
        <source>The PDFs could not be made: %1</source>
        <translation>Les PDF n'ont pas pu être créés : %1</translation>
    </message>
    <message>
        <source>Could not open %1; open it from your file manager.</source>
        <translation>Impossible d'ouvrir %1 ; ouvrez-le depuis votre gestionnaire de fichiers.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Print &amp;lists…</source>
        <translation>Imprimer les &amp;listes…</translation>
    </message>
    <message>
        <source>No hub yet</source>
        <translation>Pas encore de plateforme</translation>
    </message>
    <message>
        <source>Scan or search</source>
        <translation>Scanner ou rechercher</translation>
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
        <source>Delivery: %1</source>
        <translation>Livraison : %1</translation>
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
        <source>Hand over (F12)</source>
        <translation>Remettre (F12)</translation>
    </message>
    <message>
        <source>Hand over the order</source>
        <translation>Remettre la commande</translation>
    </message>
    <message>
        <source>Walk-in sale (F6)</source>
        <translation>Vente sur place (F6)</translation>
    </message>
    <message>
        <source>Walk-in sale</source>
        <translation>Vente directe</translation>
    </message>
    <message>
        <source>Till session</source>
        <translation>Session de caisse</translation>
    </message>
    <message>
        <source>Undo… (F8)</source>
        <translation>Défaire… (F8)</translation>
    </message>
    <message>
        <source>Undo a checkout</source>
        <translation>Défaire un encaissement</translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation>Client suivant (Échap)</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Client suivant</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>DONNÉES DE DÉMO</translation>
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
        <translation>Pas d’imprimante</translation>
    </message>
    <message>
        <source>Printer status</source>
        <translation>État de l'imprimante</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation>Modifications en attente de synchronisation</translation>
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
        <source>&amp;Delivery round…</source>
        <translation>&amp;Tournée de livraison…</translation>
    </message>
    <message>
        <source>&amp;Hub settings…</source>
        <translation>Réglages du &amp;hub…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <source>&amp;Walk-in sale</source>
        <translation>&amp;Vente sur place</translation>
    </message>
    <message>
        <source>Till &amp;session</source>
        <translation>&amp;Session de caisse</translation>
    </message>
    <message>
        <source>&amp;Undo a checkout</source>
        <translation>&amp;Défaire un encaissement</translation>
    </message>
    <message>
        <source>&amp;Reprint last receipt</source>
        <translation>&amp;Réimprimer le dernier reçu</translation>
    </message>
    <message>
        <source>Staff &amp;PIN…</source>
        <translation>Code &amp;PIN responsable…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Taille du texte</translation>
    </message>
    <message>
        <source>Small</source>
        <translation>Petite</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grande</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Très grande</translation>
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
    <message numerus="yes">
        <source>%n orders match: ↓ to choose, Enter to open.</source>
        <translation>
            <numerusform>%n commande correspond : ↓ pour choisir, Entrée pour ouvrir.</numerusform>
            <numerusform>%n commandes correspondent : ↓ pour choisir, Entrée pour ouvrir.</numerusform>
        </translation>
    </message>
    <message>
        <source>↓ ↑ to choose, Enter to open.</source>
        <translation>↓ ↑ pour choisir, Entrée pour ouvrir.</translation>
    </message>
    <message>
        <source>%1 was already collected on till %3 (receipt %2): do not hand it over again.</source>
        <translation>La commande %1 a déjà été retirée sur la caisse %3 (reçu %2) : ne la remettez pas une seconde fois.</translation>
    </message>
    <message>
        <source>%1 was already collected (receipt %2): do not hand it over again.</source>
        <translation>La commande %1 a déjà été retirée (reçu %2) : ne la remettez pas une seconde fois.</translation>
    </message>
    <message>
        <source>Order %1 was cancelled in Open Food Network: do not hand it over.</source>
        <translation>La commande %1 a été annulée dans Open Food Network : ne la remettez pas.</translation>
    </message>
    <message>
        <source>Order %1 is a home delivery (%2): hand it over only if it came back from its round.</source>
        <translation>La commande %1 est une livraison à domicile (%2) : ne la remettez que si elle est revenue de sa tournée.</translation>
    </message>
    <message>
        <source>Order %1 belongs to another pickup point: %2.</source>
        <translation>La commande %1 appartient à un autre point de retrait : %2.</translation>
    </message>
    <message>
        <source>Open the till first (F7): money can only be taken with the till open.</source>
        <translation>Ouvrez d'abord la caisse (F7) : l'argent ne s'encaisse que caisse ouverte.</translation>
    </message>
    <message>
        <source>Till closed: open it (F7)</source>
        <translation>Caisse fermée : l'ouvrir (F7)</translation>
    </message>
    <message>
        <source>Cash drawer (F7)</source>
        <translation>Tiroir-caisse (F7)</translation>
    </message>
    <message>
        <source>Cash in or out, count and close the till</source>
        <translation>Entrées et sorties d’espèces, comptage et clôture de la caisse</translation>
    </message>
    <message>
        <source>Finish or drop this customer (Esc) before changing the text size.</source>
        <translation>Terminez ou abandonnez ce client (Échap) avant de changer la taille du texte.</translation>
    </message>
    <message>
        <source>The text size could not be saved.</source>
        <translation>La taille du texte n’a pas pu être enregistrée.</translation>
    </message>
    <message>
        <source>Already collected (receipt %1).</source>
        <translation>Déjà retirée (reçu %1).</translation>
    </message>
    <message>
        <source>Scan a bag or type a name</source>
        <translation>Scannez un sac ou tapez un nom</translation>
    </message>
    <message>
        <source>Scan a bag, or type a name, customer code or order number, then Enter</source>
        <translation>Scannez un sac, ou tapez un nom, un code client ou un numéro de commande, puis Entrée</translation>
    </message>
    <message>
        <source>No receipt to reprint yet.</source>
        <translation>Aucun reçu à réimprimer pour l'instant.</translation>
    </message>
    <message>
        <source>Copy of %1 queued for printing.</source>
        <translation>Copie du reçu %1 envoyée à l'impression.</translation>
    </message>
    <message>
        <source>Done: receipt %1.</source>
        <translation>Terminé : reçu %1.</translation>
    </message>
    <message>
        <source>Give change: %1</source>
        <translation>Rendez la monnaie : %1</translation>
    </message>
    <message>
        <source>Credit noted: %1</source>
        <translation>Avoir noté : %1</translation>
    </message>
    <message>
        <source>Left owing: %1</source>
        <translation>Reste dû : %1</translation>
    </message>
    <message>
        <source>The receipt could not be queued for printing: reprint it later (F9).</source>
        <translation>Le ticket n’a pas pu être envoyé à l’impression : réimprimez-le plus tard (F9).</translation>
    </message>
    <message>
        <source>Walk-in sale · %1</source>
        <translation>Vente directe · %1</translation>
    </message>
    <message>
        <source>Open the till to take money</source>
        <translation>Ouvrez la caisse pour encaisser</translation>
    </message>
    <message>
        <source>Till closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <source>Till open · session %1 · %2</source>
        <translation>Caisse ouverte · session %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n modification à synchroniser</numerusform>
            <numerusform>%n modifications à synchroniser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>Open the till</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <source>Volunteer name</source>
        <translation>Nom du bénévole</translation>
    </message>
    <message>
        <source>Cash float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <source>Count it, e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cash in the drawer now (float)</source>
        <translation>Espèces actuellement dans le tiroir (fond de caisse)</translation>
    </message>
    <message>
        <source>Type the cash in the drawer now (type 0 if there is none).</source>
        <translation>Tapez l'espèce présente dans le tiroir (tapez 0 s'il n'y en a pas).</translation>
    </message>
    <message>
        <source>No cash in the drawer? Press Enter again to open with no float.</source>
        <translation>Pas d'espèces dans le tiroir ? Appuyez de nouveau sur Entrée pour ouvrir sans fond de caisse.</translation>
    </message>
    <message>
        <source>Open with no float (%1)</source>
        <translation>Ouvrir sans fond de caisse (%1)</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
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
        <source>To pay</source>
        <translation>À payer</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <source>Collected
on %1</source>
        <translation>Retirée
sur %1</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <source>Scan a bag or pick an order</source>
        <translation>Scannez un sac ou choisissez une commande</translation>
    </message>
    <message>
        <source>Already collected</source>
        <translation>Déjà retirée</translation>
    </message>
    <message>
        <source>Result of the checkout</source>
        <translation>Résultat de l'encaissement</translation>
    </message>
    <message>
        <source>Start of the shift: open the till (F7)</source>
        <translation>Début de permanence : ouvrir la caisse (F7)</translation>
    </message>
    <message>
        <source>Open the till</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <source>Items in the order</source>
        <translation>Articles de la commande</translation>
    </message>
    <message>
        <source>Missing (M)</source>
        <translation>Manquant (M)</translation>
    </message>
    <message>
        <source>One fewer (−)</source>
        <translation>Un de moins (−)</translation>
    </message>
    <message>
        <source>One more (+)</source>
        <translation>Un de plus (+)</translation>
    </message>
    <message>
        <source>As ordered (R)</source>
        <translation>Comme commandé (R)</translation>
    </message>
    <message>
        <source>Final weight</source>
        <translation>Poids final</translation>
    </message>
    <message>
        <source>Data…</source>
        <translation>Données…</translation>
    </message>
    <message>
        <source>Customer data: export or erase (hub staff)</source>
        <translation>Données du client : exporter ou effacer (responsables)</translation>
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
        <source>Order %1 · customer code %2 · delivery: %3</source>
        <translation>Commande %1 · code client %2 · livraison : %3</translation>
    </message>
    <message>
        <source>Order %1 · customer code %2 · pickup: %3</source>
        <translation>Commande %1 · code client %2 · retrait : %3</translation>
    </message>
    <message>
        <source>Collected on %1</source>
        <translation>Retirée sur %1</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Solde dû</translation>
    </message>
    <message>
        <source>Goods %1 + fees %2</source>
        <translation>Produits %1 + frais %2</translation>
    </message>
    <message>
        <source>%1 for %2? That is far from what was ordered: press Enter again if right.</source>
        <translation>%1 pour %2 ? C'est loin de ce qui a été commandé : appuyez de nouveau sur Entrée si c'est juste.</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>aujourd'hui %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>hier %1</translation>
    </message>
    <message>
        <source>%1 · till %2 · by %3 · receipt %4</source>
        <translation>%1 · caisse %2 · par %3 · reçu %4</translation>
    </message>
    <message>
        <source>STOP · ALREADY COLLECTED: do not hand over again</source>
        <translation>STOP · DÉJÀ RETIRÉE : ne pas remettre à nouveau</translation>
    </message>
    <message>
        <source>STOP · COLLECTED ON TILL %1: do not hand over again</source>
        <translation>STOP · RETIRÉE SUR LA CAISSE %1 : ne pas remettre à nouveau</translation>
    </message>
    <message>
        <source>Left owing: %1</source>
        <translation>Reste dû : %1</translation>
    </message>
    <message>
        <source>Give change %1</source>
        <translation>Rendre la monnaie : %1</translation>
    </message>
    <message>
        <source>Give back %1 in cash</source>
        <translation>Rendre %1 en espèces</translation>
    </message>
    <message>
        <source>Credit noted: %1</source>
        <translation>Avoir noté : %1</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Payé : %1</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Goods %1 + fees %2 = %3</source>
        <translation>Produits %1 + frais %2 = %3</translation>
    </message>
    <message>
        <source>Weight (W)</source>
        <translation>Poids (W)</translation>
    </message>
    <message>
        <source>Final weight in g or ml, then Enter</source>
        <translation>Poids final en g ou ml, puis Entrée</translation>
    </message>
    <message>
        <source>↓ from the empty field to the lines, then these keys · ↑ back</source>
        <translation>↓ depuis le champ vide vers les lignes, puis ces touches · ↑ retour</translation>
    </message>
    <message>
        <source>Keys for the lines</source>
        <translation>Touches pour les lignes</translation>
    </message>
    <message>
        <source>Change the selected line</source>
        <translation>Modifier la ligne choisie</translation>
    </message>
    <message>
        <source>Less than ordered: %1</source>
        <translation>Moins que commandé : %1</translation>
    </message>
    <message>
        <source>Extra to pay: %1</source>
        <translation>Supplément à payer : %1</translation>
    </message>
    <message>
        <source>Paid online: %1</source>
        <translation>Payé en ligne : %1</translation>
    </message>
    <message>
        <source>Nothing to pay</source>
        <translation>Rien à payer</translation>
    </message>
    <message>
        <source>Cancelled in OFN: do not hand over</source>
        <translation>Annulée dans OFN : ne pas remettre</translation>
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
    <name>OrdersTab</name>
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
        <source>Pickup point</source>
        <translation>Point de retrait</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Retirée</translation>
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
        <source>Left owing</source>
        <translation>Reste dû</translation>
    </message>
    <message>
        <source>Credit owed</source>
        <translation>Avoir dû</translation>
    </message>
    <message>
        <source>OFN sync</source>
        <translation>Synchro OFN</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
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
        <source>Select the orders that were not collected first.</source>
        <translation>Sélectionnez d'abord les commandes non retirées.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) marked as no-show.</source>
        <translation>
            <numerusform>%n commande marquée absente.</numerusform>
            <numerusform>%n commandes marquées absentes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no-show mark(s) cleared.</source>
        <translation>
            <numerusform>%n absence effacée.</numerusform>
            <numerusform>%n absences effacées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Montant dû</translation>
    </message>
    <message>
        <source>What to type</source>
        <translation>Ce qu'il faut taper</translation>
    </message>
    <message>
        <source>Amount tendered</source>
        <translation>Montant donné</translation>
    </message>
    <message>
        <source>Quick cash amount</source>
        <translation>Montant rapide en espèces</translation>
    </message>
    <message>
        <source>Exact (F11)</source>
        <translation>Exact (F11)</translation>
    </message>
    <message>
        <source>Exact cash</source>
        <translation>Espèces, compte juste</translation>
    </message>
    <message>
        <source>Split (Ctrl+Enter)</source>
        <translation>Fractionner (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Add part payment</source>
        <translation>Ajouter un paiement partiel</translation>
    </message>
    <message>
        <source>Leave owing… (Ctrl+O)</source>
        <translation>Laisser dû… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Leave money owing</source>
        <translation>Laisser un reste dû</translation>
    </message>
    <message>
        <source>Payments so far</source>
        <translation>Paiements déjà saisis</translation>
    </message>
    <message>
        <source>Change or balance</source>
        <translation>Monnaie ou solde</translation>
    </message>
    <message>
        <source>Payment problem</source>
        <translation>Problème de paiement</translation>
    </message>
    <message>
        <source>Customer leaves the change as credit</source>
        <translation>Le client laisse la monnaie en avoir</translation>
    </message>
    <message>
        <source>Keep change</source>
        <translation>Monnaie en avoir</translation>
    </message>
    <message>
        <source>Give the credit back in cash now</source>
        <translation>Rembourser l'avoir en espèces maintenant</translation>
    </message>
    <message>
        <source>Refund in cash</source>
        <translation>Rembourser en espèces</translation>
    </message>
    <message>
        <source>Amount →</source>
        <translation>Montant →</translation>
    </message>
    <message>
        <source>Kept as credit</source>
        <translation>Gardé en avoir</translation>
    </message>
    <message>
        <source>Still to pay: %1</source>
        <translation>Reste à payer : %1</translation>
    </message>
    <message>
        <source>Type the cash handed over, pick an amount, or F11 for exact cash.</source>
        <translation>Tapez les espèces reçues, choisissez un montant, ou F11 pour le montant exact.</translation>
    </message>
    <message>
        <source>Type the amount paid.</source>
        <translation>Tapez le montant payé.</translation>
    </message>
    <message>
        <source>%1 is still to pay: take it (Split for another method) or Leave owing.</source>
        <translation>Il reste %1 à payer : encaissez-le (Fractionner pour un autre moyen) ou Laisser dû.</translation>
    </message>
    <message>
        <source>%1 handed over for %2 due? Check the amount; press Enter again if right.</source>
        <translation>%1 reçus pour %2 dus ? Vérifiez le montant ; appuyez de nouveau sur Entrée si c'est juste.</translation>
    </message>
    <message>
        <source>Nothing is left owing: the amount covers what is due.</source>
        <translation>Rien ne reste dû : le montant couvre ce qui est dû.</translation>
    </message>
    <message>
        <source>Take payment and hand over (F12)</source>
        <translation>Encaisser et remettre (F12)</translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation>Valider le paiement</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <source>Credit due to the customer: %1</source>
        <translation>Avoir en faveur du client : %1</translation>
    </message>
    <message>
        <source>Type the amount of this part first.</source>
        <translation>Saisissez d'abord le montant de ce paiement partiel.</translation>
    </message>
    <message>
        <source>Nothing to take: the customer is owed money</source>
        <translation>Rien à encaisser : le client a de l'argent à recevoir</translation>
    </message>
    <message>
        <source>Amount handed over (cash)</source>
        <translation>Montant remis (espèces)</translation>
    </message>
    <message>
        <source>Amount paid by %1</source>
        <translation>Montant payé par %1</translation>
    </message>
    <message>
        <source>Give back %1 in cash</source>
        <translation>Rendre %1 en espèces</translation>
    </message>
    <message>
        <source>Change to give: %1</source>
        <translation>Monnaie à rendre : %1</translation>
    </message>
    <message>
        <source>Credit noted: %1</source>
        <translation>Avoir noté : %1</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>Montant exact</translation>
    </message>
</context>
<context>
    <name>PinCooldown</name>
    <message>
        <source>Try the PIN again.</source>
        <translation>Vous pouvez réessayer le code.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the hub-staff PIN is locked for %1 min. Hub staff see this in the audit log.</source>
        <translation>Trop de codes faux : le code PIN responsable est bloqué pendant %1 min. Les responsables le voient dans le journal d'audit.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in %1 s.</source>
        <translation>Trop de codes faux : réessayez dans %1 s.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Hub staff PIN</source>
        <translation>Code PIN responsable</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Code du personnel</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation>Valider le code PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Receipts and print queue</source>
        <translation>Tickets et file d'impression</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
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
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Reprint (marked COPY)</source>
        <translation>Réimprimer (marqué DUPLICATA)</translation>
    </message>
    <message>
        <source>Reprint the selected receipt</source>
        <translation>Réimprimer le ticket choisi</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>Impressions</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Annuler l'impression</translation>
    </message>
    <message>
        <source>Receipts of the open order</source>
        <translation>Tickets de la commande ouverte</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <source>Walk-in sale</source>
        <translation>Vente directe</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Remboursement</translation>
    </message>
    <message>
        <source>Bag labels</source>
        <translation>Étiquettes de sacs</translation>
    </message>
    <message>
        <source>Till report</source>
        <translation>Rapport de caisse</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>Bon de livraison</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Impression de test</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impression en cours</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imprimé</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Impossible à imprimer</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source> (reversed)</source>
        <translation> (annulé)</translation>
    </message>
    <message>
        <source>(copy)</source>
        <translation>(duplicata)</translation>
    </message>
    <message>
        <source>Choose a receipt first.</source>
        <translation>Choisissez d'abord un ticket.</translation>
    </message>
    <message>
        <source>Sent to the printer, marked COPY.</source>
        <translation>Envoyé à l'imprimante, marqué DUPLICATA.</translation>
    </message>
    <message>
        <source>Only a waiting job can be cancelled.</source>
        <translation>Seule une impression en attente peut être annulée.</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <source>Printer settings</source>
        <translation>Réglages de l'imprimante</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>Adresse de l'imprimante</translation>
    </message>
    <message>
        <source>Windows printer win32://Printer name · network tcp://HOST:9100 · serial serial://COM3?baudrate=19200 · USB usb://VID:PID · file file:///C:/folder/file</source>
        <translation>Imprimante Windows win32://Nom de l'imprimante · réseau tcp://HÔTE:9100 · série serial://COM3?baudrate=19200 · USB usb://VID:PID · fichier file:///C:/dossier/fichier</translation>
    </message>
    <message>
        <source>Network tcp://HOST:9100 · USB usb://VID:PID · serial serial:///dev/ttyUSB0?baudrate=19200 · device file:///dev/usb/lp0 · print queue cups://QUEUE</source>
        <translation>Réseau tcp://HÔTE:9100 · USB usb://VID:PID · série serial:///dev/ttyUSB0?baudrate=19200 · périphérique file:///dev/usb/lp0 · file d'impression cups://FILE</translation>
    </message>
    <message>
        <source>Set for this run by --printer or FOODHUB_POS_PRINTER; not saved.</source>
        <translation>Imposée pour cette session par --printer ou FOODHUB_POS_PRINTER ; non enregistrée.</translation>
    </message>
    <message>
        <source>Printer profile</source>
        <translation>Profil de l'imprimante</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Largeur du papier</translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <source>Characters per line</source>
        <translation>Caractères par ligne</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Character set</source>
        <translation>Jeu de caractères</translation>
    </message>
    <message>
        <source>Automatic (switch as needed)</source>
        <translation>Automatique (change selon le besoin)</translation>
    </message>
    <message>
        <source>Choose one only if accented letters print wrongly on this printer.</source>
        <translation>N'en choisir un que si les lettres accentuées s'impriment mal sur cette imprimante.</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>Pied de ticket</translation>
    </message>
    <message>
        <source>Open the cash drawer for cash payments</source>
        <translation>Ouvrir le tiroir-caisse pour les paiements en espèces</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Impression de test</translation>
    </message>
    <message>
        <source>Test print result</source>
        <translation>Résultat de l'impression de test</translation>
    </message>
    <message>
        <source>Printer model</source>
        <translation>Modèle d'imprimante</translation>
    </message>
    <message>
        <source>Enter the printer's address first.</source>
        <translation>Saisissez d'abord l'adresse de l'imprimante.</translation>
    </message>
    <message>
        <source>Printing a test receipt…</source>
        <translation>Impression d'un ticket de test…</translation>
    </message>
    <message>
        <source>Test receipt printed. Check the accents and the QR code.</source>
        <translation>Ticket de test imprimé. Vérifiez les accents et le code QR.</translation>
    </message>
    <message>
        <source>Nothing printed: %1</source>
        <translation>Rien n'a été imprimé : %1</translation>
    </message>
</context>
<context>
    <name>PrintingUi</name>
    <message>
        <source>&amp;Printing</source>
        <translation>&amp;Impression</translation>
    </message>
    <message>
        <source>&amp;Reprint receipt of this order</source>
        <translation>&amp;Réimprimer le ticket de cette commande</translation>
    </message>
    <message>
        <source>Print bag &amp;labels for this order</source>
        <translation>Imprimer les &amp;étiquettes de sacs de cette commande</translation>
    </message>
    <message>
        <source>Print bag labels for the whole pickup point</source>
        <translation>Imprimer les étiquettes de sacs de tout le point de retrait</translation>
    </message>
    <message>
        <source>Print the till's &amp;Z report</source>
        <translation>Imprimer le rapport &amp;Z de la caisse</translation>
    </message>
    <message>
        <source>Receipts and print &amp;queue…</source>
        <translation>Tickets et &amp;file d'impression…</translation>
    </message>
    <message>
        <source>Retry printing &amp;now</source>
        <translation>Réessayer d'imprimer &amp;maintenant</translation>
    </message>
    <message>
        <source>Printer &amp;settings…</source>
        <translation>&amp;Réglages de l'imprimante…</translation>
    </message>
    <message>
        <source>Receipts of this order… (reprint)</source>
        <translation>Tickets de cette commande… (réimprimer)</translation>
    </message>
    <message>
        <source>Receipts of this order</source>
        <translation>Tickets de cette commande</translation>
    </message>
    <message>
        <source>Open an order first.</source>
        <translation>Ouvrez d'abord une commande.</translation>
    </message>
    <message>
        <source>Receipt of %1 sent to the printer (marked COPY).</source>
        <translation>Ticket de %1 envoyé à l'imprimante (marqué DUPLICATA).</translation>
    </message>
    <message>
        <source>Bag labels of %1 sent to the printer.</source>
        <translation>Étiquettes de sacs de %1 envoyées à l'imprimante.</translation>
    </message>
    <message numerus="yes">
        <source>Bag labels for %n order(s) sent to the printer.</source>
        <translation>
            <numerusform>Étiquettes de sacs de %n commande envoyées à l'imprimante.</numerusform>
            <numerusform>Étiquettes de sacs de %n commandes envoyées à l'imprimante.</numerusform>
        </translation>
    </message>
    <message>
        <source>The till report was sent to the printer.</source>
        <translation>Le rapport de caisse a été envoyé à l'imprimante.</translation>
    </message>
    <message numerus="yes">
        <source> · %n job(s) waiting</source>
        <translation>
            <numerusform> · %n impression en attente</numerusform>
            <numerusform> · %n impressions en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>No printer set up</source>
        <translation>Pas d’imprimante</translation>
    </message>
    <message>
        <source>Printer out of paper</source>
        <translation>Imprimante sans papier</translation>
    </message>
    <message>
        <source>Printer cover open</source>
        <translation>Capot de l'imprimante ouvert</translation>
    </message>
    <message>
        <source>Printer off line</source>
        <translation>Imprimante hors ligne</translation>
    </message>
    <message>
        <source>Printer not reachable</source>
        <translation>Imprimante injoignable</translation>
    </message>
    <message>
        <source>Printer setting is wrong</source>
        <translation>Réglage de l'imprimante incorrect</translation>
    </message>
    <message>
        <source>Printer connection broke</source>
        <translation>Connexion à l'imprimante interrompue</translation>
    </message>
    <message>
        <source>Printer error</source>
        <translation>Erreur de l'imprimante</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message numerus="yes">
        <source>Printer ready · %n job(s) could not be printed</source>
        <translation>
            <numerusform>Imprimante prête · %n impression impossible</numerusform>
            <numerusform>Imprimante prête · %n impressions impossibles</numerusform>
        </translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Imprimante prête</translation>
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
        <source>To do in OFN (%1)</source>
        <translation>À faire dans OFN (%1)</translation>
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
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <source>Keep this recovery code</source>
        <translation>Conservez ce code de récupération</translation>
    </message>
    <message>
        <source>The hub's database on this computer is now encrypted. Its key is kept in this computer's keyring. To open the database or its backups on another computer, you will need this recovery code. It is shown only now: print it or write it down, and keep it somewhere safe, away from the laptop.</source>
        <translation>La base de données du hub est maintenant chiffrée sur cet ordinateur. Sa clé est gardée dans le trousseau de cet ordinateur. Pour ouvrir la base ou ses sauvegardes sur un autre ordinateur, il faudra ce code de récupération. Il n'est affiché que maintenant : imprimez-le ou recopiez-le, et gardez-le en lieu sûr, loin de l'ordinateur portable.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print the recovery code</source>
        <translation>Imprimer le code de récupération</translation>
    </message>
    <message>
        <source>I have kept it</source>
        <translation>Je l'ai conservé</translation>
    </message>
    <message>
        <source>I have kept the recovery code</source>
        <translation>J'ai conservé le code de récupération</translation>
    </message>
    <message>
        <source>Food Hub POS: database recovery code</source>
        <translation>Food Hub POS : code de récupération de la base de données</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>Encrypted on: %1</source>
        <translation>Chiffrée le : %1</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeEntry</name>
    <message>
        <source>Enter the recovery code</source>
        <translation>Saisir le code de récupération</translation>
    </message>
    <message>
        <source>Type the recovery code printed or written down when this database was encrypted (hub staff keep it):</source>
        <translation>Tapez le code de récupération imprimé ou recopié quand cette base de données a été chiffrée (l'équipe du hub le garde) :</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <source>Open the database</source>
        <translation>Ouvrir la base de données</translation>
    </message>
</context>
<context>
    <name>RoundWindow</name>
    <message>
        <source>Delivery round</source>
        <translation>Tournée de livraison</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Tournée</translation>
    </message>
    <message>
        <source>%1 (%2 stops)</source>
        <translation>%1 (%2 arrêts)</translation>
    </message>
    <message>
        <source>Who records the round</source>
        <translation>Qui enregistre la tournée</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Float the driver took</source>
        <translation>Fond de caisse emporté par le livreur</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Start recording the round</source>
        <translation>Commencer à enregistrer la tournée</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Tournée :</translation>
    </message>
    <message>
        <source>Recorded by:</source>
        <translation>Enregistrée par :</translation>
    </message>
    <message>
        <source>Float:</source>
        <translation>Fond de caisse :</translation>
    </message>
    <message>
        <source>Scan a stop's QR code</source>
        <translation>Scanner le QR d'un arrêt</translation>
    </message>
    <message>
        <source>Scan a stop's QR or type its order number</source>
        <translation>Scannez le QR d'un arrêt ou tapez son numéro de commande</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move the stop up (Ctrl+Up)</source>
        <translation>Monter l'arrêt (Ctrl+Haut)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move the stop down (Ctrl+Down)</source>
        <translation>Descendre l'arrêt (Ctrl+Bas)</translation>
    </message>
    <message>
        <source>Save this stop order</source>
        <translation>Garder cet ordre des arrêts</translation>
    </message>
    <message>
        <source>Keep this stop order for the driver's next run sheets</source>
        <translation>Garder cet ordre des arrêts pour les prochaines feuilles de route du livreur</translation>
    </message>
    <message>
        <source>Add to this round</source>
        <translation>Ajouter à cette tournée</translation>
    </message>
    <message>
        <source>Add the scanned stop to this round</source>
        <translation>Ajouter l'arrêt scanné à cette tournée</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Arrêts</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
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
        <source>To collect</source>
        <translation>À encaisser</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Selected stop</source>
        <translation>Arrêt choisi</translation>
    </message>
    <message>
        <source>Paid on the doorstep by</source>
        <translation>Payé à la porte par</translation>
    </message>
    <message>
        <source>Amount taken on the doorstep</source>
        <translation>Montant encaissé à la porte</translation>
    </message>
    <message>
        <source>Items missing</source>
        <translation>Articles manquants</translation>
    </message>
    <message>
        <source>Bags of a stop not home</source>
        <translation>Sacs d'un client absent</translation>
    </message>
    <message>
        <source>Bags back: second attempt</source>
        <translation>Sacs rapportés : second passage</translation>
    </message>
    <message>
        <source>Bags back: customer picks up later</source>
        <translation>Sacs rapportés : retrait plus tard</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Why (left owing, refused, …)</source>
        <translation>Pourquoi (reste dû, refus, …)</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>Payé par :</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>Encaissé :</translation>
    </message>
    <message>
        <source>Missing items:</source>
        <translation>Articles manquants :</translation>
    </message>
    <message>
        <source>Not home:</source>
        <translation>Absent :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>F1 Delivered</source>
        <translation>F1 Livrée</translation>
    </message>
    <message>
        <source>F2 Items missing</source>
        <translation>F2 Articles manquants</translation>
    </message>
    <message>
        <source>F3 Not home</source>
        <translation>F3 Absent</translation>
    </message>
    <message>
        <source>F4 Refused</source>
        <translation>F4 Refusée</translation>
    </message>
    <message>
        <source>Print delivery note</source>
        <translation>Imprimer le bon de livraison</translation>
    </message>
    <message>
        <source>Print this stop's delivery note</source>
        <translation>Imprimer le bon de livraison de cet arrêt</translation>
    </message>
    <message>
        <source>Notes for every bag</source>
        <translation>Bons pour tous les sacs</translation>
    </message>
    <message>
        <source>Print a delivery note for every stop still to deliver</source>
        <translation>Imprimer un bon de livraison pour chaque arrêt encore à livrer</translation>
    </message>
    <message>
        <source>Round message</source>
        <translation>Message de la tournée</translation>
    </message>
    <message>
        <source>Round cash</source>
        <translation>Espèces de la tournée</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Close the round</source>
        <translation>Clôturer la tournée</translation>
    </message>
    <message>
        <source>Planning the run sheets…</source>
        <translation>Préparation des feuilles de route…</translation>
    </message>
    <message>
        <source>There are no delivery orders in this order cycle.</source>
        <translation>Ce cycle de commande n'a aucune commande à livrer.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Delivered, items missing</source>
        <translation>Livrée, articles manquants</translation>
    </message>
    <message>
        <source>Not home</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>second attempt</source>
        <translation>second passage</translation>
    </message>
    <message>
        <source>pickup later</source>
        <translation>retrait plus tard</translation>
    </message>
    <message>
        <source>Scan each stop's QR, or pick it and press F1 to F4.</source>
        <translation>Scannez le QR de chaque arrêt, ou choisissez-le et appuyez sur F1 à F4.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>ADDRESS MISSING</source>
        <translation>ADRESSE MANQUANTE</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>payé</translation>
    </message>
    <message>
        <source>Stop order saved: the driver's run sheets follow it, next cycle too.</source>
        <translation>Ordre des arrêts gardé : les feuilles de route du livreur le suivent, au prochain cycle aussi.</translation>
    </message>
    <message>
        <source>%1 of %2 stops recorded · float %3 + cash taken %4 = %5 expected</source>
        <translation>%1 arrêts sur %2 enregistrés · fond de caisse %3 + espèces encaissées %4 = %5 attendus</translation>
    </message>
    <message>
        <source>Scan or pick a stop.</source>
        <translation>Scannez ou choisissez un arrêt.</translation>
    </message>
    <message>
        <source>%1 · %2 · to collect %3</source>
        <translation>%1 · %2 · à encaisser %3</translation>
    </message>
    <message>
        <source>%1 · %2 · paid</source>
        <translation>%1 · %2 · payée</translation>
    </message>
    <message>
        <source>it is on the round %1</source>
        <translation>elle est sur la tournée %1</translation>
    </message>
    <message>
        <source>it is a delivery of %1 on no round yet</source>
        <translation>c'est une livraison %1 sur aucune tournée</translation>
    </message>
    <message>
        <source>it is an order to collect at a pickup point</source>
        <translation>c'est une commande à retirer à un point de retrait</translation>
    </message>
    <message>
        <source>%1 is not on this round (%2). Scan it again or press “Add to this round” to record it here; otherwise set the bag aside.</source>
        <translation>%1 n'est pas sur cette tournée (%2). Scannez-la à nouveau ou appuyez sur « Ajouter à cette tournée » pour l'enregistrer ici ; sinon mettez le sac de côté.</translation>
    </message>
    <message>
        <source>%1: press F1 delivered, F2 items missing, F3 not home, F4 refused.</source>
        <translation>%1 : appuyez sur F1 livrée, F2 articles manquants, F3 absent, F4 refusée.</translation>
    </message>
    <message>
        <source>%1 added to this round.</source>
        <translation>%1 ajoutée à cette tournée.</translation>
    </message>
    <message>
        <source>Scan or pick a stop first.</source>
        <translation>Scannez ou choisissez d'abord un arrêt.</translation>
    </message>
    <message>
        <source>%1 is already recorded: %2.</source>
        <translation>%1 est déjà enregistrée : %2.</translation>
    </message>
    <message>
        <source>Tick the missing items, then press F2 again.</source>
        <translation>Cochez les articles manquants, puis appuyez à nouveau sur F2.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
    <message>
        <source>%1 delivery note(s) sent to the printer.</source>
        <translation>%1 bon(s) de livraison envoyé(s) à l'imprimante.</translation>
    </message>
    <message>
        <source>Round closed: expected %1, counted %2, difference %3.</source>
        <translation>Tournée clôturée : attendu %1, compté %2, écart %3.</translation>
    </message>
</context>
<context>
    <name>RoundsBox</name>
    <message>
        <source>Delivery rounds</source>
        <translation>Tournées de livraison</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Tournée</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Arrêts</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Non livrées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Taken by method</source>
        <translation>Encaissé par moyen</translation>
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
        <source>Difference</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>Hub staff PIN</source>
        <translation>Code PIN responsable</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Code PIN actuel</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Confirmer le nouveau code PIN</translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation>Enregistrer le code PIN</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Supprimer le code PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The hub-staff PIN was changed outside Food Hub POS. Set a new one (or remove it) to go on.</source>
        <translation>Le code PIN responsable a été modifié hors de Food Hub POS. Choisissez-en un nouveau (ou retirez-le) pour continuer.</translation>
    </message>
    <message>
        <source>New PIN (4 to 12 digits)</source>
        <translation>Nouveau code PIN (4 à 12 chiffres)</translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation>Les deux nouveaux codes PIN ne correspondent pas.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>Un code PIN comporte 4 à 12 chiffres.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ce code n'est pas le bon.</translation>
    </message>
</context>
<context>
    <name>StaffGateDialog</name>
    <message>
        <source>The hub-staff PIN was changed outside Food Hub POS, with another program. Set a new PIN (Till menu, Staff PIN) before going on; the audit log records it.</source>
        <translation>Le code PIN responsable a été modifié hors de Food Hub POS, par un autre programme. Choisissez un nouveau code (menu Caisse, Code PIN responsable) avant de continuer ; le journal d'audit l'enregistre.</translation>
    </message>
    <message>
        <source>Hub settings need the hub-staff PIN.</source>
        <translation>Les réglages du hub demandent le code PIN responsable.</translation>
    </message>
    <message>
        <source>The connection to Open Food Network needs the hub-staff PIN.</source>
        <translation>La connexion à Open Food Network demande le code PIN responsable.</translation>
    </message>
    <message>
        <source>Printer settings need the hub-staff PIN.</source>
        <translation>Les réglages de l'imprimante demandent le code PIN responsable.</translation>
    </message>
    <message>
        <source>Customer data needs the hub-staff PIN.</source>
        <translation>Les données du client demandent le code PIN responsable.</translation>
    </message>
    <message>
        <source>The database's recovery code is for hub staff: their PIN.</source>
        <translation>Le code de récupération de la base de données est réservé à l'équipe du hub : code PIN responsable.</translation>
    </message>
    <message>
        <source>This needs the hub-staff PIN.</source>
        <translation>Cette action nécessite le code PIN responsable.</translation>
    </message>
    <message>
        <source>Type the hub-staff PIN.</source>
        <translation>Saisissez le code PIN responsable.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ce code n'est pas le bon.</translation>
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
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchro</translation>
    </message>
    <message>
        <source>Stop sync</source>
        <translation>Arrêter la synchro</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchro</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <source>Sync &amp;settings…</source>
        <translation>&amp;Réglages de synchro…</translation>
    </message>
    <message>
        <source>Orders %v/%m</source>
        <translation>Commandes %v/%m</translation>
    </message>
    <message>
        <source>Pushing %v/%m</source>
        <translation>Envoi %v/%m</translation>
    </message>
    <message>
        <source>Open Food Network reports its background jobs are stuck: the emails it sends customers (such as 'picked up') and its invoices are delayed until it recovers.</source>
        <translation>Open Food Network signale que ses tâches de fond sont bloquées : les e-mails qu'il envoie aux clients (comme « commande retirée ») et ses factures sont retardés jusqu'à son rétablissement.</translation>
    </message>
    <message>
        <source>Syncing with Open Food Network…</source>
        <translation>Synchronisation avec Open Food Network…</translation>
    </message>
    <message>
        <source>Demo data: not connected to Open Food Network</source>
        <translation>Démo : pas de connexion à Open Food Network</translation>
    </message>
    <message>
        <source>Not connected to Open Food Network: see Sync ▸ Settings</source>
        <translation>Pas connecté à Open Food Network : voir Synchro ▸ Réglages</translation>
    </message>
    <message>
        <source>%1 for staff</source>
        <translation>%1 pour l'équipe</translation>
    </message>
    <message>
        <source>%1 waiting to sync</source>
        <translation>%1 en attente de synchro</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>dernière synchro %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>OFN rejected the API key: check Sync ▸ Settings</source>
        <translation>OFN a refusé la clé API : vérifiez Synchro ▸ Réglages</translation>
    </message>
    <message>
        <source>The OFN address does not answer like OFN</source>
        <translation>L'adresse OFN ne répond pas comme OFN</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Synchro arrêtée</translation>
    </message>
    <message>
        <source>Sync failed (see tooltip)</source>
        <translation>Échec de la synchro (voir l'info-bulle)</translation>
    </message>
    <message>
        <source>OFN's emails are delayed</source>
        <translation>e-mails d'OFN retardés</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Connect to Open Food Network</source>
        <translation>Se connecter à Open Food Network</translation>
    </message>
    <message>
        <source>OFN address</source>
        <translation>Adresse OFN</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <source>Saved: leave empty to keep it</source>
        <translation>Enregistrée : laissez vide pour la garder</translation>
    </message>
    <message>
        <source>From your OFN account: Developer settings</source>
        <translation>Compte OFN : Paramètres développeur</translation>
    </message>
    <message>
        <source>Hub (enterprise) id</source>
        <translation>Identifiant du hub (entreprise)</translation>
    </message>
    <message>
        <source>Order cycle id</source>
        <translation>Identifiant du cycle de commande</translation>
    </message>
    <message>
        <source>This till's pickup point</source>
        <translation>Point de retrait de cette caisse</translation>
    </message>
    <message>
        <source>All pickup points</source>
        <translation>Tous les points de retrait</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>No keyring on this computer: the key is in a file only you can read (%1).</source>
        <translation>Pas de trousseau sur cet ordinateur : la clé est dans un fichier que vous seul pouvez lire (%1).</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring.</source>
        <translation>La clé est gardée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>This is demo data: saving creates a separate database for your hub.</source>
        <translation>Ce sont des données de démonstration : enregistrer crée une base séparée pour votre hub.</translation>
    </message>
    <message>
        <source>Hub id</source>
        <translation>Identifiant du hub</translation>
    </message>
    <message>
        <source>Pickup point</source>
        <translation>Point de retrait</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>What sync does in OFN</source>
        <translation>Ce que la synchro fait dans OFN</translation>
    </message>
    <message>
        <source>Mark collected orders as shipped in OFN</source>
        <translation>Marquer les commandes retirées comme expédiées dans OFN</translation>
    </message>
    <message>
        <source>OFN emails the customer that their order was picked up at the moment sync marks it shipped: if this till syncs a day late, the email arrives a day late. The email cannot be switched off or taken back. Off: the orders stay unshipped in OFN; staff can ship them in the OFN admin, where the email can be skipped.</source>
        <translation>OFN envoie au client un e-mail « commande retirée » au moment où la synchro la marque expédiée : si cette caisse se synchronise un jour plus tard, l'e-mail arrive un jour plus tard. Cet e-mail ne peut être ni désactivé ni annulé. Désactivé : les commandes restent non expédiées dans OFN ; l'équipe peut les expédier dans l'administration d'OFN, où l'e-mail peut être évité.</translation>
    </message>
    <message>
        <source>%1 collection(s) made more than a day ago wait to be synced: shipping them now sends those customers the email late.</source>
        <translation>%1 retrait(s) fait(s) il y a plus d'un jour attendent la synchro : les expédier maintenant enverra l'e-mail en retard à ces clients.</translation>
    </message>
    <message>
        <source>Payment methods on this hub's OFN orders</source>
        <translation>Moyens de paiement des commandes OFN de ce hub</translation>
    </message>
    <message>
        <source>Sync takes a payment in OFN only for a method paid at the pickup point, and only when the till took that method for that amount; everything else goes to the staff list with the amounts. Never choose it for a card payment made online (e.g. Stripe): OFN would charge the customer's card again.</source>
        <translation>La synchro n'encaisse un paiement dans OFN que pour un moyen payé au point de retrait, et seulement si la caisse a reçu ce moyen pour ce montant ; tout le reste va dans la liste de l'équipe avec les montants. Ne le choisissez jamais pour un paiement par carte fait en ligne (ex. Stripe) : OFN débiterait à nouveau la carte du client.</translation>
    </message>
    <message>
        <source>%1 order(s), %2 not yet taken</source>
        <translation>%1 commande(s), %2 pas encore encaissée(s)</translation>
    </message>
    <message>
        <source>not on the pulled orders</source>
        <translation>absent des commandes téléchargées</translation>
    </message>
    <message>
        <source>How “%1” is paid</source>
        <translation>Comment « %1 » est payé</translation>
    </message>
    <message>
        <source>Not paid at pickup: never taken by sync</source>
        <translation>Pas payé au retrait : jamais encaissé par la synchro</translation>
    </message>
    <message>
        <source>Paid at the pickup point: %1</source>
        <translation>Payé au point de retrait : %1</translation>
    </message>
    <message>
        <source>None seen yet: sync once (Sync ▸ Sync now), then choose here.</source>
        <translation>Aucun pour l'instant : synchronisez une fois (Synchro ▸ Synchroniser maintenant), puis choisissez ici.</translation>
    </message>
    <message>
        <source>Order notes (Hub settings, off by default): a till note replaces the note hub staff wrote on the order in OFN and is printed on the customer's invoice.</source>
        <translation>Notes de commande (Réglages du hub, désactivées par défaut) : une note de la caisse remplace celle que l'équipe du hub a écrite sur la commande dans OFN et s'imprime sur la facture du client.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <source>Not an Open Food Network site</source>
        <translation>Ce n'est pas un site Open Food Network</translation>
    </message>
    <message>
        <source>Key rejected</source>
        <translation>Clé refusée</translation>
    </message>
    <message>
        <source>No access to that hub</source>
        <translation>Pas d'accès à ce hub</translation>
    </message>
    <message>
        <source>Hub database created</source>
        <translation>Base du hub créée</translation>
    </message>
    <message>
        <source>Your hub's orders will go to %1, opened at the next start.</source>
        <translation>Les commandes de votre hub iront dans %1, ouvert au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>TillDialog</name>
    <message>
        <source>Till session</source>
        <translation>Session de caisse</translation>
    </message>
    <message>
        <source>Cash in / out</source>
        <translation>Entrées / sorties d'espèces</translation>
    </message>
    <message>
        <source>Count and close</source>
        <translation>Compter et clôturer</translation>
    </message>
    <message>
        <source>Till %1, session %2</source>
        <translation>Caisse %1, session %2</translation>
    </message>
    <message>
        <source>Volunteer: %1</source>
        <translation>Bénévole : %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>Ouverture : %1</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Clôture : %1</translation>
    </message>
    <message>
        <source>Orders collected: %1</source>
        <translation>Commandes retirées : %1</translation>
    </message>
    <message>
        <source>Walk-in sales: %1</source>
        <translation>Ventes sur place : %1</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Encaissements défaits : %1</translation>
    </message>
    <message>
        <source>Goods: %1</source>
        <translation>Produits : %1</translation>
    </message>
    <message>
        <source>Fees: %1</source>
        <translation>Frais : %1</translation>
    </message>
    <message>
        <source>Sales total: %1</source>
        <translation>Total des ventes : %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3 payments)</source>
        <translation>%1 : %2 (%3 paiements)</translation>
    </message>
    <message>
        <source>Total taken: %1</source>
        <translation>Total encaissé : %1</translation>
    </message>
    <message>
        <source>Left owing: %1</source>
        <translation>Reste dû : %1</translation>
    </message>
    <message>
        <source>Credit noted: %1</source>
        <translation>Avoir noté : %1</translation>
    </message>
    <message>
        <source>Float: %1</source>
        <translation>Fond de caisse : %1</translation>
    </message>
    <message>
        <source>Cash moves: %1</source>
        <translation>Mouvements d’espèces : %1</translation>
    </message>
    <message>
        <source>Expected cash: %1</source>
        <translation>Espèces attendues : %1</translation>
    </message>
    <message>
        <source>Counted cash: %1</source>
        <translation>Espèces comptées : %1</translation>
    </message>
    <message>
        <source>Difference: %1</source>
        <translation>Écart : %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Cash amount</source>
        <translation>Montant en espèces</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Entrée d'espèces</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Sortie d'espèces</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Count of %1</source>
        <translation>Nombre de %1</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Note about the difference</source>
        <translation>Commentaire sur l'écart</translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation>Clôturer la caisse</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Count the notes and coins, or type the total:</source>
        <translation>Comptez les billets et les pièces, ou saisissez le total :</translation>
    </message>
    <message>
        <source>The till is closed.</source>
        <translation>La caisse est clôturée.</translation>
    </message>
    <message>
        <source>Session %1 · volunteer %2 · float %3 · expected cash now %4</source>
        <translation>Session %1 · bénévole %2 · fond de caisse %3 · espèces attendues %4</translation>
    </message>
    <message>
        <source>This needs the hub-staff PIN.</source>
        <translation>Cette action nécessite le code PIN responsable.</translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation>Saisissez un montant.</translation>
    </message>
    <message>
        <source>Expected %1 · counted %2 · difference %3</source>
        <translation>Attendu %1 · compté %2 · écart %3</translation>
    </message>
    <message>
        <source>Count the cash in the drawer first.</source>
        <translation>Comptez d'abord les espèces du tiroir.</translation>
    </message>
    <message>
        <source>The till is closed. The Z report is queued for printing.</source>
        <translation>La caisse est clôturée. Le rapport Z est envoyé à l'impression.</translation>
    </message>
    <message>
        <source>The till is closed, but the Z report could not be queued for printing: print it later from the Printing menu.</source>
        <translation>La caisse est clôturée, mais le rapport Z n’a pas pu être envoyé à l’impression : imprimez-le plus tard depuis le menu Impression.</translation>
    </message>
</context>
<context>
    <name>TillsBox</name>
    <message>
        <source>Per pickup point and per till</source>
        <translation>Par point de retrait et par caisse</translation>
    </message>
    <message>
        <source>Pickup point</source>
        <translation>Point de retrait</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Collected</source>
        <comment>count of orders</comment>
        <translation>Retirées</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Absents</translation>
    </message>
    <message>
        <source>Walk-in sales</source>
        <translation>Ventes directes</translation>
    </message>
    <message>
        <source>Till sessions</source>
        <translation>Sessions de caisse</translation>
    </message>
    <message>
        <source>Taken by method</source>
        <translation>Encaissé par moyen</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Per pickup point</source>
        <translation>Par point de retrait</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Retraits</translation>
    </message>
    <message>
        <source>Last reported</source>
        <translation>Dernière lecture</translation>
    </message>
    <message>
        <source>Per till</source>
        <translation>Par caisse</translation>
    </message>
    <message>
        <source>Tills that have reported</source>
        <translation>Caisses qui ont transmis</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n open)</source>
        <translation>
            <numerusform>%1 (%n ouverte)</numerusform>
            <numerusform>%1 (%n ouvertes)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (this till)</source>
        <translation>%1 (cette caisse)</translation>
    </message>
    <message>
        <source>this till</source>
        <translation>cette caisse</translation>
    </message>
    <message>
        <source>not through the journal</source>
        <translation>pas par le journal partagé</translation>
    </message>
    <message>
        <source>No other till has reported through the shared journal folder: these figures are this till's (and what reached it through Open Food Network).</source>
        <translation>Aucune autre caisse n'a transmis par le dossier partagé du journal : ces chiffres sont ceux de cette caisse (et ce qui lui est parvenu par Open Food Network).</translation>
    </message>
    <message>
        <source>Tills read from the shared journal folder: %1.</source>
        <translation>Caisses lues dans le dossier partagé du journal : %1.</translation>
    </message>
    <message>
        <source>%1 (last event %2, read %3)</source>
        <translation>%1 (dernier événement %2, lu %3)</translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <source>Undo a checkout</source>
        <translation>Défaire un encaissement</translation>
    </message>
    <message>
        <source>Checkouts of this session</source>
        <translation>Encaissements de cette session</translation>
    </message>
    <message>
        <source>Walk-in sale</source>
        <translation>Vente directe</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Reason for undoing</source>
        <translation>Motif de l'annulation</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>Pourquoi ? (obligatoire)</translation>
    </message>
    <message>
        <source>Undo this checkout</source>
        <translation>Défaire cet encaissement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The undo is recorded as a new event; money paid is refunded by the same method.</source>
        <translation>L'annulation est enregistrée comme une nouvelle opération ; les sommes payées sont remboursées par le même moyen de paiement.</translation>
    </message>
    <message>
        <source>Pick the checkout to undo.</source>
        <translation>Choisissez l’encaissement à défaire.</translation>
    </message>
    <message>
        <source>Undoing a checkout needs the hub-staff PIN.</source>
        <translation>L'annulation d'un encaissement nécessite le code PIN responsable.</translation>
    </message>
    <message>
        <source>Undone: %1, %2, %3 (%4).</source>
        <translation>Annulé : %1, %2, %3 (%4).</translation>
    </message>
    <message>
        <source>%1 in cash</source>
        <translation>%1 en espèces</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Give back %1.</source>
        <translation>Rendre %1.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>Nothing to give back.</source>
        <translation>Rien à rendre.</translation>
    </message>
</context>
<context>
    <name>VolunteerNameDialog</name>
    <message>
        <source>Who is at the table?</source>
        <translation>Qui tient la table ?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Start handing over</source>
        <translation>Commencer les remises</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Hand-overs record who did them. Type your name once for this shift (opening the till does it too).</source>
        <translation>Chaque remise enregistre qui l'a faite. Tapez votre nom une fois pour cette permanence (ouvrir la caisse le fait aussi).</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in sale</source>
        <translation>Vente directe</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>Ajouter le produit</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>Nom de l'article</translation>
    </message>
    <message>
        <source>Item price</source>
        <translation>Prix de l'article</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Retirer l'article sélectionné</translation>
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
        <source>Add item</source>
        <translation>Ajouter l'article</translation>
    </message>
    <message>
        <source>Find a product</source>
        <translation>Chercher un produit</translation>
    </message>
    <message>
        <source>Type part of the name, e.g. oats</source>
        <translation>Partie du nom, ex. avoine</translation>
    </message>
    <message>
        <source>Products found</source>
        <translation>Produits trouvés</translation>
    </message>
    <message>
        <source>Add (Enter)</source>
        <translation>Ajouter (Entrée)</translation>
    </message>
    <message>
        <source>e.g. Jam jar</source>
        <translation>ex. Pot de confiture</translation>
    </message>
    <message>
        <source>Add other item</source>
        <translation>Ajouter l'article hors catalogue</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Articles vendus</translation>
    </message>
    <message>
        <source>In this sale</source>
        <translation>Dans cette vente</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>Aucun produit ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Type part of a product's name, then Add.</source>
        <translation>Tapez une partie du nom d'un produit, puis Ajouter.</translation>
    </message>
    <message>
        <source>Take payment (Enter)</source>
        <translation>Encaisser (Entrée)</translation>
    </message>
    <message>
        <source>Other item</source>
        <translation>Autre article</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Give the item a name.</source>
        <translation>Donnez un nom à l'article.</translation>
    </message>
    <message>
        <source>Give the item a price above zero.</source>
        <translation>Indiquez un prix supérieur à zéro pour l'article.</translation>
    </message>
    <message>
        <source>Add at least one item to sell.</source>
        <translation>Ajoutez au moins un article à vendre.</translation>
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
<context>
    <name>tasks</name>
    <message>
        <source>Something unexpected went wrong; the details are in the log file %1.</source>
        <translation>Une erreur inattendue s’est produite ; les détails sont dans le fichier journal %1.</translation>
    </message>
</context>
<context>
    <name>vault</name>
    <message>
        <source>Database not encrypted</source>
        <translation>Base de données non chiffrée</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep a key in, so the hub's database stays unencrypted here: keep the laptop locked and with you.</source>
        <translation>Cet ordinateur n'a pas de trousseau où garder une clé : la base de données du hub reste donc non chiffrée ici. Gardez l'ordinateur verrouillé et avec vous.</translation>
    </message>
    <message>
        <source>The database cannot be read</source>
        <translation>La base de données est illisible</translation>
    </message>
    <message>
        <source>There is no backup of it to restore.</source>
        <translation>Il n'en existe aucune sauvegarde à restaurer.</translation>
    </message>
    <message>
        <source>The latest good backup is from %1. Restore it? The damaged file is kept aside.</source>
        <translation>La dernière sauvegarde intacte date du %1. La restaurer ? Le fichier endommagé est conservé à part.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>La restauration a échoué</translation>
    </message>
</context>
</TS>