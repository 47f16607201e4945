<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <source>Hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chilled</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighed</source>
        <translation type="unfinished"></translation>
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
        <source>Hand over (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in sale (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo… (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo a checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation type="unfinished"></translation>
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
        <translation>État de l&apos;imprimante</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print jobs waiting</source>
        <translation type="unfinished"></translation>
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
        <source>&amp;Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Walk-in sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till &amp;session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo a checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint last receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff &amp;PIN…</source>
        <translation type="unfinished"></translation>
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
        <source>%1 was already collected (receipt %2): do not hand it over again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 was cancelled in Open Food Network: do not hand it over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 belongs to another pickup point: %2.</source>
        <translation>La commande %1 appartient à un autre point de retrait : %2.</translation>
    </message>
    <message>
        <source>%1 would be left owing: say why, or take the full amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already collected (receipt %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt to reprint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy of %1 queued for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: receipt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit noted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left owing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the till to take money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1 (refund %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open till (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till open · session %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till: cash and close (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n print job(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>Open the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in the drawer now (float)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the volunteer&apos;s name.</source>
        <translation type="unfinished"></translation>
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
        <source>Missing (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One fewer (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As ordered (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final weight in g or ml (W)</source>
        <translation type="unfinished"></translation>
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
        <source>Order %1 · customer code %2 · pickup: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished">Retirée</translation>
    </message>
    <message>
        <source>Already collected on %1 at %2 by %3 (receipt %4). Do not hand over again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods %1 + fees %2 = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit due to the customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than ordered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra to pay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid online: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owed back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not sold by weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a weight above zero, with at most 3 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That quantity is not possible for this line.</source>
        <translation type="unfinished"></translation>
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
    <name>PaymentPanel</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount tendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact cash (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add part payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change or balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer leaves the change as credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the credit back in cash now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is money left owing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is part left owing? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment and hand over (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit due to the customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the amount of this part first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give back %1 in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit noted for the customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change to give: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still owed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit noted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Hub staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>Hub staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN (4 to 12 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillDialog</name>
    <message>
        <source>Till session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in / out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished">Montant</translation>
    </message>
    <message>
        <source>Count of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note about the difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the notes and coins, or type the total:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1 · volunteer %2 · float %3 · expected cash now %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This needs the hub-staff PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1 · counted %2 · difference %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the cash in the drawer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till is closed. The Z report is queued for printing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoDialog</name>
    <message>
        <source>Undo a checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkouts of this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walk-in sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for undoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo this checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The undo is recorded as a new event; money paid is refunded by the same method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the checkout to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why this checkout is undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing a checkout needs the hub-staff PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products of the order cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other item: name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished">Prix</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add other item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a product from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the item a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the item a price above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one item to sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why part of the amount is left owing.</source>
        <translation type="unfinished"></translation>
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
        <translation>Une erreur inattendue s&apos;est produite. Rien de ce qui était déjà enregistré n&apos;est perdu.

Prévenez la plateforme et donnez-lui le fichier journal :
%1</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card (terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many decimals for this currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an amount with digits only, e.g. 12.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1, session %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders collected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in sales: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 payments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total taken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left owing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit noted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Float: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash moves: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected cash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted cash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
