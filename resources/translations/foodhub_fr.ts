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
            <numerusform>%n commande affichée</numerusform><numerusform>%n commandes affichées</numerusform></translation>
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