<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
<context>
    <name>App</name>
    <message>
        <source>Cannot restore</source>
        <translation>復元できない</translation>
    </message>
    <message>
        <source>The autosave of “%1” cannot be read; it is kept in the recovery folder.</source>
        <translation>「%1」の自動保存を読めない．復元用フォルダに残しておく．</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Autosave failed: %1</source>
        <extracomment>An autosave was written (the recovery file&apos;s path). An autosave could not be written (why); the editor keeps working. Where the design came from, as restoring should remember it (None: untitled or an example).</extracomment>
        <translation>自動保存に失敗した：%1</translation>
    </message>
</context>
<context>
    <name>BlockedMarker</name>
    <message>
        <source>Blocked here</source>
        <translation>ここで止められている</translation>
    </message>
    <message>
        <source>blocked: %1</source>
        <extracomment>The explanation wraps (up to a few lines) rather than being cut off; the tooltip has it all.</extracomment>
        <translation>止められている：%1</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>止められている</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Not possible: %1.</source>
        <extracomment>Room for cached item pictures (KiB). Tool names besides ``place:&lt;KindName&gt;``. The user asked why a finding matters (&quot;Why?&quot; in an item&apos;s context menu). Ask before deleting (tests and scripted use turn this off). How a menu of link options is shown: ``(options, global QPoint) -&gt; option or None``. Tests replace it to pick without a popup.</extracomment>
        <translation>できません：%1．</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n resource(s).</source>
        <translation>
            <numerusform>%n個のリソースをコピーした．</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no Kumozu resources.</source>
        <translation>クリップボードにKumozuのリソースがない．</translation>
    </message>
    <message>
        <source>Cannot paste: %1.</source>
        <translation>貼り付けられない：%1．</translation>
    </message>
    <message>
        <source>Select two or more resources to align them.</source>
        <translation>整列するには2つ以上のリソースを選択する．</translation>
    </message>
    <message>
        <source>Select three or more resources to distribute them.</source>
        <translation>均等配置するには3つ以上のリソースを選択する．</translation>
    </message>
    <message>
        <source>Why? %1</source>
        <translation>なぜ？ %1</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>切り取り</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>整列</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左端</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右端</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上端</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>下端</translation>
    </message>
    <message>
        <source>Horizontal centre</source>
        <translation>水平方向の中央</translation>
    </message>
    <message>
        <source>Vertical centre</source>
        <translation>垂直方向の中央</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>均等配置</translation>
    </message>
    <message>
        <source>Horizontally</source>
        <translation>水平方向</translation>
    </message>
    <message>
        <source>Vertically</source>
        <translation>垂直方向</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>全体を表示</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>there is nothing to paste</source>
        <extracomment>``paste_edit(container=SAME_PARENT)``: each pasted resource goes where its original is.</extracomment>
        <translation>貼り付けるものがない</translation>
    </message>
    <message>
        <source>%1 came from a container this design does not have; click where to paste it first</source>
        <translation>%1はこの設計にない枠から来たものである．先に貼り付ける場所をクリックする</translation>
    </message>
</context>
<context>
    <name>CompletionCard</name>
    <message>
        <source>✓ Lab complete!</source>
        <translation>✓ ラボ完了！</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Goals met</source>
        <translation>達成したゴール</translation>
    </message>
    <message>
        <source>Hints used</source>
        <translation>使ったヒント</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>編集回数</translation>
    </message>
    <message>
        <source>Compare with the Reference Solution</source>
        <translation>模範解答と比べる</translation>
    </message>
    <message>
        <source>Next Lab ▶</source>
        <translation>次のラボ ▶</translation>
    </message>
    <message>
        <source>You looked at the reference solution during this lab.</source>
        <translation>このラボの途中で模範解答を見た．</translation>
    </message>
    <message>
        <source>Every goal is met, without a single hint. Well done!</source>
        <translation>ヒントを1つも使わずに，すべてのゴールを達成した．よくできました！</translation>
    </message>
    <message>
        <source>Every goal is met. Well done!</source>
        <translation>すべてのゴールを達成した．よくできました！</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2中%1</translation>
    </message>
</context>
<context>
    <name>ConnectHandle</name>
    <message>
        <source>Drag to another resource to connect them (Alt or Shift: a plain connection)</source>
        <extracomment>Screen pixels between the resource and the grip.</extracomment>
        <translation>別のリソースへドラッグして接続する（AltかShift：単純な接続）</translation>
    </message>
</context>
<context>
    <name>ConnectTool</name>
    <message>
        <source>Nothing connected.</source>
        <translation>何も接続しなかった．</translation>
    </message>
    <message>
        <source>Connect: drag from one resource to another (Alt or Shift: a plain connection; Esc: done).</source>
        <translation>接続：リソースから別のリソースへドラッグする（AltかShift：単純な接続，Esc：終了）．</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>%1 should reach %2</source>
        <translation>%1から%2に到達できるべき</translation>
    </message>
    <message>
        <source>Select the source: %1</source>
        <translation>送信元を選択：%1</translation>
    </message>
    <message>
        <source>Select the destination: %1</source>
        <translation>宛先を選択：%1</translation>
    </message>
</context>
<context>
    <name>DiagramItem</name>
    <message>
        <source>Fix: %1</source>
        <translation>対処：%1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…ほか%1件</translation>
    </message>
    <message>
        <source>Right-click: Why?</source>
        <translation>右クリック：なぜ？</translation>
    </message>
</context>
<context>
    <name>DiagramPage</name>
    <message>
        <source>Design settings</source>
        <translation>設計の設定</translation>
    </message>
    <message>
        <source>Nothing is selected. Select a resource on the canvas to edit it, or drag one in from the palette.</source>
        <translation>何も選択されていない．キャンバス上のリソースを選択して編集するか，パレットからドラッグして追加する．</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>The canvas is empty. A network usually starts with a VPC: drag one from &lt;i&gt;%1&lt;/i&gt;, then put Availability Zones and subnets inside it.</source>
        <translation>キャンバスは空である．ネットワークはたいていVPCから始める．&lt;i&gt;%1&lt;/i&gt;からVPCをドラッグし，その中にアベイラビリティゾーンとサブネットを置く．</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>リソース%n個</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>接続%n本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>エラー%n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告%n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>情報%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1×%2</translation>
    </message>
</context>
<context>
    <name>DiagramScene</name>
    <message>
        <source>any port</source>
        <extracomment>Kinds whose subtitle or look depends on other resources: a subnet shows its route table and whether it is public; a certificate shows the Region it is drawn in. Emitted after the scene has caught up with a change set. Keep each item&apos;s picture on screen (repaints blit instead of calling paint); only for interactive views: export must paint vectors. Paints every line (the line items only hold geometry, selection and tooltips). Paints the boxes&apos; names when zoomed far out.</extracomment>
        <translation>すべてのポート</translation>
    </message>
    <message>
        <source>Connection: %1 → %2 on %3</source>
        <translation>接続：%1 → %2（%3）</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Kumozu designs (*.kumozu.yaml *.yaml *.yml)</source>
        <translation>Kumozuの設計 (*.kumozu.yaml *.yaml *.yml)</translation>
    </message>
    <message>
        <source>Designs and CloudFormation templates (*.yaml *.yml *.json *.template)</source>
        <translation>設計とCloudFormationテンプレート (*.yaml *.yml *.json *.template)</translation>
    </message>
    <message>
        <source>Kumozu designs (*.kumozu.yaml)</source>
        <translation>Kumozuの設計 (*.kumozu.yaml)</translation>
    </message>
    <message>
        <source>CloudFormation templates (*.yaml *.yml *.json *.template)</source>
        <translation>CloudFormationテンプレート (*.yaml *.yml *.json *.template)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <extracomment>The English filters (the translated ones come from design_filter() and open_filter()).</extracomment>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before %2?</source>
        <translation>%2前に，「%1」の変更を保存しますか？</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>保存しないと変更は失われます．</translation>
    </message>
    <message>
        <source>Save as a Kumozu design</source>
        <translation>Kumozuの設計として保存</translation>
    </message>
    <message>
        <source>“%1” is not saved in place: %2.</source>
        <translation>「%1」はそのまま上書き保存できない：%2．</translation>
    </message>
    <message>
        <source>Choose a new file name to save the design in Kumozu&apos;s own format; the original file stays as it is.</source>
        <translation>新しいファイル名を選ぶと，設計をKumozu独自の形式で保存します．元のファイルはそのまま残ります．</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>設計を開く</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>情報</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>a CloudFormation template</source>
        <translation>CloudFormationテンプレート</translation>
    </message>
    <message>
        <source>a design from a newer Kumozu (format version %1)</source>
        <translation>新しいKumozuで書かれた設計（形式バージョン%1）</translation>
    </message>
    <message>
        <source>this file is not a Kumozu design; use Save As to write one</source>
        <extracomment>A different diagram is now open (New, Open); views must rebuild. The diagram changed (one ChangeSet per edit, undo and redo included). The findings changed (a FindingsDelta). The undo stack reached or left its saved state (True: clean, nothing to save). An edit was refused as structurally impossible; the text says why.</extracomment>
        <translation>このファイルはKumozuの設計ではない．名前を付けて保存で書き出す</translation>
    </message>
    <message>
        <source>the file is now %1; use Save As to write the design elsewhere</source>
        <translation>このファイルは現在%1である．名前を付けて保存で別の場所に書き出す</translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>Edit</source>
        <extracomment>Commands with the same merge id and the same ``merge_key`` fold into one undo step (arrow-key nudges of the same selection, typing into one inspector field).</extracomment>
        <translation>編集</translation>
    </message>
</context>
<context>
    <name>EnumEditor</name>
    <message>
        <source>(differs)</source>
        <translation>（異なる）</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>Dual-AZ web application</source>
        <translation>2つのAZにまたがるWebアプリケーション</translation>
    </message>
    <message>
        <source>ECS on Fargate in private subnets</source>
        <translation>プライベートサブネットのECS on Fargate</translation>
    </message>
    <message>
        <source>The notes&apos; route table examples</source>
        <translation>ノートのルートテーブルの例</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>e.g. %1 or %2</source>
        <translation>例：%1 または %2</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例：%1</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>The destination port the source should reach.</source>
        <translation>送信元が到達すべき宛先ポート．</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>The design&apos;s settings, edited like fields (they are stored as diagram metadata).</extracomment>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Shown in exports and the window title.</source>
        <translation>エクスポートとウィンドウのタイトルに表示される．</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>The Region of resources drawn outside any Region container.</source>
        <translation>どのリージョンの枠の外に描いたリソースのリージョン．</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>What people read on the canvas; the id stays the same.</source>
        <translation>キャンバスに表示される名前．IDは変わらない．</translation>
    </message>
</context>
<context>
    <name>FileOperations</name>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG画像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG図 (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF文書 (*.pdf)</translation>
    </message>
    <message>
        <source>Kumozu is not allowed to write in “%1” (it is read-only or belongs to someone else).</source>
        <translation>Kumozuは「%1」に書き込めない（読み取り専用か，ほかのユーザーのもの）．</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist (any more).</source>
        <translation>フォルダ「%1」が（もう）存在しない．</translation>
    </message>
    <message>
        <source>The disk is full (or your quota is used up).</source>
        <translation>ディスクがいっぱいである（またはクォータを使い切った）．</translation>
    </message>
    <message>
        <source>“%1” is a folder.</source>
        <translation>「%1」はフォルダである．</translation>
    </message>
    <message>
        <source>The system said: %1.</source>
        <translation>システムのメッセージ：%1．</translation>
    </message>
    <message>
        <source>a CloudFormation template</source>
        <translation>CloudFormationテンプレート</translation>
    </message>
    <message>
        <source>a design written by a newer Kumozu (format version %1)</source>
        <translation>新しいKumozuで書かれた設計（形式バージョン%1）</translation>
    </message>
    <message>
        <source>starting a new design</source>
        <translation>新しい設計を始める</translation>
    </message>
    <message>
        <source>New design</source>
        <translation>新しい設計</translation>
    </message>
    <message>
        <source>opening another design</source>
        <translation>別の設計を開く</translation>
    </message>
    <message>
        <source>opening an example</source>
        <translation>サンプルを開く</translation>
    </message>
    <message>
        <source>Cannot open the design</source>
        <translation>設計を開けない</translation>
    </message>
    <message>
        <source>Kumozu could not open “%1”.</source>
        <translation>Kumozuは「%1」を開けなかった．</translation>
    </message>
    <message>
        <source>Opened CloudFormation template %1</source>
        <translation>CloudFormationテンプレート%1を開いた</translation>
    </message>
    <message>
        <source>Opened design %1</source>
        <translation>設計%1を開いた</translation>
    </message>
    <message>
        <source>Imported with notes</source>
        <translation>注意事項つきでインポートした</translation>
    </message>
    <message>
        <source>“%1” was imported. %2 thing(s) worth knowing.</source>
        <translation>「%1」をインポートした．知っておくべきことが%2件ある．</translation>
    </message>
    <message>
        <source>it is a CloudFormation template, and Kumozu saves its own format</source>
        <translation>CloudFormationテンプレートであり，Kumozuは独自の形式で保存する</translation>
    </message>
    <message>
        <source>it is not a Kumozu design</source>
        <translation>Kumozuの設計ではない</translation>
    </message>
    <message>
        <source>Save design as</source>
        <translation>設計に名前を付けて保存</translation>
    </message>
    <message>
        <source>Replace file</source>
        <translation>ファイルの置き換え</translation>
    </message>
    <message>
        <source>“%1” is %2.</source>
        <translation>「%1」は%2である．</translation>
    </message>
    <message>
        <source>Saving here replaces it with a Kumozu design. Replace it anyway?</source>
        <translation>ここに保存すると，Kumozuの設計で置き換えます．それでも置き換えますか？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1を保存した</translation>
    </message>
    <message>
        <source>Cannot save the design</source>
        <translation>設計を保存できない</translation>
    </message>
    <message>
        <source>“%1” was not saved.</source>
        <translation>「%1」は保存されなかった．</translation>
    </message>
    <message>
        <source>Nothing was written and your design is still open with all its changes. Choose another place with File ▸ Save As.</source>
        <translation>何も書き込まれておらず，設計はすべての変更を保ったまま開いている．ファイル ▸ 名前を付けて保存 で別の場所を選ぶ．</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1をエクスポート</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>エクスポートできない</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1をエクスポートした</translation>
    </message>
    <message>
        <source>Export Kumozu design</source>
        <translation>Kumozuの設計をエクスポート</translation>
    </message>
    <message>
        <source>CloudFormation templates (*.yaml *.yml)</source>
        <translation>CloudFormationテンプレート (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>CloudFormation templates (*.json)</source>
        <translation>CloudFormationテンプレート (*.json)</translation>
    </message>
    <message>
        <source>Export CloudFormation template</source>
        <translation>CloudFormationテンプレートをエクスポート</translation>
    </message>
    <message>
        <source>The design cannot be written as a template.</source>
        <translation>この設計はテンプレートとして書き出せない．</translation>
    </message>
    <message>
        <source>“%1” was not written.</source>
        <translation>「%1」は書き込まれなかった．</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>リソース</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>対処：%1</translation>
    </message>
    <message>
        <source>Double-click to learn why.</source>
        <translation>ダブルクリックで理由を見る．</translation>
    </message>
</context>
<context>
    <name>GoalRow</name>
    <message>
        <source>Click to select the resources involved and draw the traced path</source>
        <translation>クリックすると関係するリソースを選択し，トレースした経路を描く</translation>
    </message>
    <message>
        <source>Click to select the resources involved</source>
        <translation>クリックすると関係するリソースを選択する</translation>
    </message>
    <message>
        <source>Goal met</source>
        <translation>ゴール達成</translation>
    </message>
    <message>
        <source>Goal not met yet</source>
        <translation>ゴール未達成</translation>
    </message>
</context>
<context>
    <name>HintsBox</name>
    <message>
        <source>Hints</source>
        <translation>ヒント</translation>
    </message>
    <message>
        <source>Hint %1 of %2</source>
        <translation>ヒント %1/%2</translation>
    </message>
    <message>
        <source>Hints available: %1</source>
        <translation>使えるヒント：%1</translation>
    </message>
    <message>
        <source>No More Hints</source>
        <translation>これ以上ヒントはない</translation>
    </message>
    <message>
        <source>Next Hint</source>
        <translation>次のヒント</translation>
    </message>
    <message>
        <source>Show a Hint</source>
        <translation>ヒントを見る</translation>
    </message>
    <message>
        <source>Hints go from a nudge to the answer; each one you open is counted in the summary</source>
        <translation>ヒントは手がかりから答えへと進む．開いたヒントはまとめで数えられる</translation>
    </message>
</context>
<context>
    <name>HopMarker</name>
    <message>
        <source>Hop %1: %2</source>
        <extracomment>Longer hints wrap onto more lines rather than being cut off.</extracomment>
        <translation>ホップ%1：%2</translation>
    </message>
</context>
<context>
    <name>ImageExportDialog</name>
    <message>
        <source>Export %1</source>
        <translation>%1をエクスポート</translation>
    </message>
    <message>
        <source>Outline problems as on the canvas</source>
        <translation>キャンバスと同じく問題を枠で示す</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>倍率</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>%1 × %2 pixels (%3 MP)</source>
        <translation>%1×%2ピクセル（%3メガピクセル）</translation>
    </message>
</context>
<context>
    <name>InspectorChecks</name>
    <message>
        <source> or </source>
        <translation>または</translation>
    </message>
    <message>
        <source>%1: add a prefix length, e.g. %2</source>
        <translation>%1：プレフィックス長を付ける（例：%2）</translation>
    </message>
    <message>
        <source>%1 is not an %2 address</source>
        <translation>%1は%2アドレスではない</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1: this field takes an %2 range</source>
        <translation>%1：この欄には%2の範囲を入れる</translation>
    </message>
    <message>
        <source>%1: the prefix length after / must be a number</source>
        <translation>%1：/の後ろのプレフィックス長は数値でなければならない</translation>
    </message>
    <message>
        <source>%1: prefix must be 0–%2</source>
        <translation>%1：プレフィックス長は0〜%2でなければならない</translation>
    </message>
    <message>
        <source>host bits are set: AWS stores this as %1</source>
        <translation>ホスト部のビットが立っている．AWSは%1として保存する</translation>
    </message>
    <message>
        <source>%1: a prefix list id is pl- followed by letters and digits</source>
        <translation>%1：プレフィックスリストのIDは，pl-の後に英数字が続く</translation>
    </message>
</context>
<context>
    <name>IntEditor</name>
    <message>
        <source>(differs)</source>
        <translation>（異なる）</translation>
    </message>
</context>
<context>
    <name>LabSummary</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間%2分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>public</source>
        <translation>パブリック</translation>
    </message>
    <message>
        <source>private</source>
        <translation>プライベート</translation>
    </message>
    <message>
        <source>%1 route</source>
        <translation>ルート%1個</translation>
    </message>
    <message>
        <source>%1 routes</source>
        <translation>ルート%1個</translation>
    </message>
    <message>
        <source>main, %1</source>
        <translation>メイン，%1</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>イン%1 / アウト%2</translation>
    </message>
    <message>
        <source>default, %1</source>
        <translation>デフォルト，%1</translation>
    </message>
    <message>
        <source>Multi-AZ</source>
        <translation>マルチAZ</translation>
    </message>
    <message>
        <source>(in VPC)</source>
        <translation>（VPC内）</translation>
    </message>
    <message>
        <source>(alias)</source>
        <translation>（エイリアス）</translation>
    </message>
    <message>
        <source>(private)</source>
        <translation>（プライベート）</translation>
    </message>
</context>
<context>
    <name>LabsController</name>
    <message>
        <source>starting the lab</source>
        <translation>ラボを始める</translation>
    </message>
    <message>
        <source>Lab started: %1</source>
        <translation>ラボを開始した：%1</translation>
    </message>
    <message>
        <source>Cannot open the lab</source>
        <translation>ラボを開けない</translation>
    </message>
    <message>
        <source>Kumozu could not read the lab “%1”.</source>
        <translation>Kumozuはラボ「%1」を読めなかった．</translation>
    </message>
    <message>
        <source>Open Lab</source>
        <translation>ラボを開く</translation>
    </message>
    <message>
        <source>Kumozu labs (*%1);;YAML files (*.yaml *.yml)</source>
        <translation>Kumozuのラボ (*%1);;YAMLファイル (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot show the solution</source>
        <translation>模範解答を表示できない</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>ラボ(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open Lab File…</source>
        <translation>ラボファイルを開く(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>LabsDock</name>
    <message>
        <source>Labs</source>
        <translation>ラボ</translation>
    </message>
</context>
<context>
    <name>LabsPanel</name>
    <message>
        <source>From a file: %1</source>
        <translation>ファイルから：%1</translation>
    </message>
    <message>
        <source>%1 goals · %2 hints</source>
        <translation>ゴール%1個・ヒント%2個</translation>
    </message>
    <message>
        <source>%1 of %2 goals met</source>
        <translation>ゴール%2個中%1個を達成</translation>
    </message>
    <message>
        <source>Checking: %1</source>
        <translation>確認中：%1</translation>
    </message>
    <message>
        <source>Workshop Labs</source>
        <translation>ワークショップのラボ</translation>
    </message>
    <message>
        <source>Each lab gives you a design to fix. Kumozu checks your goals as you edit; hints open one at a time.</source>
        <translation>ラボごとに直すべき設計が用意されている．編集するたびにKumozuがゴールを確認する．ヒントは1つずつ開く．</translation>
    </message>
    <message>
        <source>Start Lab</source>
        <translation>ラボを始める</translation>
    </message>
    <message>
        <source>Open the lab&apos;s starting design (asks first if your changes are not saved)</source>
        <translation>ラボの開始時の設計を開く（未保存の変更があれば先に確認する）</translation>
    </message>
    <message>
        <source>Check My Current Design</source>
        <translation>今の設計を採点する</translation>
    </message>
    <message>
        <source>Grade the design that is open now against the lab&apos;s goals, without opening anything</source>
        <translation>何も開かずに，いま開いている設計をラボのゴールで採点する</translation>
    </message>
    <message>
        <source>Open Lab File…</source>
        <translation>ラボファイルを開く…</translation>
    </message>
    <message>
        <source>◀ All Labs</source>
        <translation>◀ すべてのラボ</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>ゴール</translation>
    </message>
    <message>
        <source>The Story</source>
        <translation>ストーリー</translation>
    </message>
    <message>
        <source>Show or hide the lab&apos;s story</source>
        <translation>ラボのストーリーを表示／非表示</translation>
    </message>
    <message>
        <source>Restart Lab</source>
        <translation>ラボをやり直す</translation>
    </message>
    <message>
        <source>Open the starting design again (asks first if your changes are not saved)</source>
        <translation>開始時の設計を開き直す（未保存の変更があれば先に確認する）</translation>
    </message>
    <message>
        <source>Reference Solution</source>
        <translation>模範解答</translation>
    </message>
    <message>
        <source>Compare your design with the reference solution, read-only</source>
        <translation>自分の設計を模範解答と比べる（読み取り専用）</translation>
    </message>
    <message>
        <source>Lab %1 of %2</source>
        <translation>ラボ %1/%2</translation>
    </message>
    <message>
        <source>Lab file</source>
        <translation>ラボファイル</translation>
    </message>
    <message>
        <source>Read more</source>
        <translation>参考資料</translation>
    </message>
</context>
<context>
    <name>LongTextEditor</name>
    <message>
        <source>(differs)</source>
        <translation>（異なる）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Zoom level: click to fit the design in the window</source>
        <translation>表示倍率：クリックで設計全体をウィンドウに合わせる</translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation>できません：%1</translation>
    </message>
    <message>
        <source>%1 (example)</source>
        <translation>%1（サンプル）</translation>
    </message>
    <message>
        <source>%1 (CloudFormation)</source>
        <translation>%1（CloudFormation）</translation>
    </message>
    <message>
        <source>Placing %1: click where it goes (Esc cancels)</source>
        <translation>%1を配置：置く場所をクリック（Escで取り消し）</translation>
    </message>
    <message>
        <source>Connect: drag from one resource to another</source>
        <translation>接続：リソースから別のリソースへドラッグ</translation>
    </message>
    <message>
        <source>Trace: click the source, then the destination</source>
        <translation>トレース：送信元，次に宛先をクリック</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>通る</translation>
    </message>
    <message>
        <source>blocked (%1)</source>
        <translation>止められる（%1）</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>止められる</translation>
    </message>
    <message numerus="yes">
        <source>%n implied flow(s), %1 blocked</source>
        <translation>
            <numerusform>想定される通信%n件，うち%1件が止められる</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <source>About Kumozu</source>
        <translation>Kumozuについて</translation>
    </message>
    <message>
        <source>Draw AWS network architectures and check them as you draw.</source>
        <translation>AWSのネットワーク構成を描き，描きながらチェックする．</translation>
    </message>
    <message>
        <source>Opened design</source>
        <translation>開いた設計</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>パレット</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>インスペクター</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>トレース</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>元に戻す履歴</translation>
    </message>
</context>
<context>
    <name>MoveGesture</name>
    <message>
        <source>the canvas</source>
        <translation>キャンバス</translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation>%1の中へ</translation>
    </message>
    <message>
        <source>Cannot move there. %1.</source>
        <translation>そこへは移動できない．%1．</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <source>(differs)</source>
        <translation>（異なる）</translation>
    </message>
</context>
<context>
    <name>OpaqueView</name>
    <message>
        <source>Kept as it was read and written back unchanged.</source>
        <extracomment>Types that several selected resources can be given one value of at once.</extracomment>
        <translation>読み込んだまま保持し，変更せずに書き戻す．</translation>
    </message>
    <message>
        <source>(differs)</source>
        <translation>（異なる）</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Search resources…</source>
        <extracomment>The user asked to place a kind with the next canvas click (double-click or Enter).</extracomment>
        <translation>リソースを検索…</translation>
    </message>
    <message>
        <source>Filter by name or description, e.g. &apos;nat&apos;, &apos;queue&apos;, &apos;firewall&apos;</source>
        <translation>名前や説明で絞り込む（例：nat，キュー，ファイアウォール）</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or double-click and then click where it goes.</source>
        <translation>キャンバスへドラッグするか，ダブルクリックしてから置く場所をクリックする．</translation>
    </message>
    <message>
        <source>Goes in: %1</source>
        <translation>置ける場所：%1</translation>
    </message>
    <message>
        <source>the canvas</source>
        <translation>キャンバス</translation>
    </message>
    <message>
        <source>No resource matches “%1”.</source>
        <translation>「%1」に一致するリソースはない．</translation>
    </message>
</context>
<context>
    <name>PlaceTool</name>
    <message>
        <source>the canvas</source>
        <translation>キャンバス</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1を%2に追加</translation>
    </message>
    <message>
        <source>Cannot add here. %1.</source>
        <translation>ここには追加できない．%1．</translation>
    </message>
    <message>
        <source>Click where the %1 goes (Esc: cancel).</source>
        <translation>%1を置く場所をクリックする（Esc：取り消し）．</translation>
    </message>
</context>
<context>
    <name>Placement</name>
    <message>
        <source>on the canvas outside every container</source>
        <extracomment>Kinds placed by a list of subnets that may also be drawn inside one subnet: drawn there, the subnet joins the list, so what the drawing says and what the model knows agree.</extracomment>
        <translation>キャンバス上（どの枠の外）</translation>
    </message>
    <message>
        <source> or </source>
        <translation>，または</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1の中</translation>
    </message>
    <message>
        <source>%1 cannot sit %2: it belongs %3</source>
        <translation>%1は%2には置けない．置けるのは%3</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Snap to grid while moving</source>
        <translation>移動時にグリッドに合わせる</translation>
    </message>
    <message>
        <source>How often unsaved changes are written to a recovery file.</source>
        <translation>未保存の変更を復元用ファイルに書き込む間隔．</translation>
    </message>
    <message>
        <source>Ask before deleting resources that take others with them</source>
        <translation>ほかのリソースも一緒に消える削除の前に確認する</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>システムに従う（%1）</translation>
    </message>
    <message>
        <source>The language of menus, panels, rule messages, lessons and labs. Changing it keeps your work open.</source>
        <translation>メニュー，パネル，ルールのメッセージ，解説，ラボの言語．変更しても作業中の設計はそのまま開いている．</translation>
    </message>
    <message>
        <source>Grid size</source>
        <translation>グリッドの大きさ</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>自動保存の間隔</translation>
    </message>
    <message>
        <source>Region of new designs</source>
        <translation>新しい設計のリージョン</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
</context>
<context>
    <name>PresenterMode</name>
    <message>
        <source>the internet</source>
        <translation>インターネット</translation>
    </message>
    <message>
        <source>→ Space next · ← Backspace back · + − zoom · 0 fit · T trace · L goals · Esc leave</source>
        <translation>→ Space 次へ · ← Backspace 戻る · + − ズーム · 0 全体 · T トレース · L ゴール · Esc 終了</translation>
    </message>
    <message>
        <source>No path to step through</source>
        <translation>たどる経路がない</translation>
    </message>
    <message>
        <source>Press T to trace a flow (or trace one in the Trace panel before presenting).</source>
        <translation>Tキーで通信をトレースする（またはプレゼンテーションの前にトレースパネルでトレースしておく）．</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>止められている</translation>
    </message>
    <message>
        <source>back (the reply)</source>
        <translation>戻り（応答）</translation>
    </message>
    <message>
        <source>there</source>
        <translation>行き</translation>
    </message>
    <message>
        <source>Hop %1 of %2</source>
        <translation>ホップ %1/%2</translation>
    </message>
    <message>
        <source>No lab is running</source>
        <translation>実行中のラボはない</translation>
    </message>
    <message>
        <source>Start a lab from the Labs menu to show its goals here.</source>
        <translation>ラボメニューからラボを始めると，ここにゴールが表示される．</translation>
    </message>
    <message>
        <source>%1 of %2 goals met</source>
        <translation>ゴール%2個中%1個を達成</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <source>Large type, high contrast, panels hidden; step through a traced path with the arrow keys (F5 or Esc leaves)</source>
        <translation>大きな文字とハイコントラストでパネルを隠し，トレースした経路を矢印キーでたどる（F5かEscで終了）</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Filter problems…</source>
        <extracomment>The user picked a finding: select and centre these resources. The user asked why: show this finding&apos;s rule.</extracomment>
        <translation>問題を絞り込む…</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>なぜ？</translation>
    </message>
    <message>
        <source>What the rule checks, how to fix it, and the AWS documentation</source>
        <translation>ルールが確認すること，直し方，AWSのドキュメント</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>エラー%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Show or hide errors</source>
        <translation>エラーを表示／非表示</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Show or hide warnings</source>
        <translation>警告を表示／非表示</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>情報%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Show or hide notes</source>
        <translation>情報を表示／非表示</translation>
    </message>
    <message>
        <source>All rules (%1)</source>
        <translation>すべてのルール（%1）</translation>
    </message>
    <message>
        <source>✓ No problems found. Kumozu checks the design as you draw.</source>
        <translation>✓ 問題は見つからない．Kumozuは描いている間も設計をチェックする．</translation>
    </message>
    <message>
        <source>No problems match the filters (%1 hidden).</source>
        <translation>絞り込みに一致する問題はない（%1件を非表示）．</translation>
    </message>
</context>
<context>
    <name>RecordsEditor</name>
    <message>
        <source>+ Add</source>
        <extracomment>Builds the editor for one field (the inspector&apos;s factory, passed in to avoid an import cycle).</extracomment>
        <translation>+ 追加</translation>
    </message>
    <message>
        <source>Add a row to %1</source>
        <translation>%1に行を追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>選択した行を削除</translation>
    </message>
    <message>
        <source>Move the selected row up</source>
        <translation>選択した行を上へ</translation>
    </message>
    <message>
        <source>Move the selected row down</source>
        <translation>選択した行を下へ</translation>
    </message>
    <message>
        <source>Edit in a larger window</source>
        <translation>大きなウィンドウで編集</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1を編集</translation>
    </message>
    <message>
        <source>%1 — row %2 of %3</source>
        <translation>%1 — %3の%2行目</translation>
    </message>
    <message>
        <source>view…</source>
        <translation>表示…</translation>
    </message>
    <message>
        <source>edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>%1 item…</source>
        <translation>%1項目…</translation>
    </message>
    <message>
        <source>%1 items…</source>
        <translation>%1項目…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>未保存の作業を復元</translation>
    </message>
    <message>
        <source>Kumozu did not close properly last time.</source>
        <translation>前回，Kumozuは正しく終了しなかった．</translation>
    </message>
    <message>
        <source>These designs have unsaved changes that were autosaved. Restored designs open as unsaved, so you can check them before saving.</source>
        <translation>これらの設計には，自動保存された未保存の変更がある．復元した設計は未保存として開くので，保存する前に確認できる．</translation>
    </message>
    <message>
        <source>This design has unsaved changes that were autosaved. Restored designs open as unsaved, so you can check them before saving.</source>
        <translation>この設計には，自動保存された未保存の変更がある．復元した設計は未保存として開くので，保存する前に確認できる．</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>, %1 resources</source>
        <translation>，リソース%1個</translation>
    </message>
    <message>
        <source>%1 — autosaved %2%3</source>
        <translation>%1 — %2に自動保存%3</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Delete the ticked autosaves for good</source>
        <translation>チェックした自動保存を完全に削除する</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Keep the autosaves and ask again at the next start</source>
        <translation>自動保存を残し，次回の起動時にもう一度確認する</translation>
    </message>
</context>
<context>
    <name>RecoveryEntry</name>
    <message>
        <source>Untitled design</source>
        <translation>無題の設計</translation>
    </message>
</context>
<context>
    <name>RefEditor</name>
    <message>
        <source>Select it on the canvas</source>
        <translation>キャンバス上で選択する</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>(differs)</source>
        <translation>（異なる）</translation>
    </message>
</context>
<context>
    <name>RefListEditor</name>
    <message>
        <source>Tick the resources to include; double-click one to select it on the canvas.</source>
        <translation>含めるリソースにチェックを付ける．ダブルクリックでキャンバス上で選択する．</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（存在しない）</translation>
    </message>
    <message>
        <source> or </source>
        <translation>，</translation>
    </message>
    <message>
        <source>No %1 in the design yet.</source>
        <translation>設計にはまだ%1がない．</translation>
    </message>
</context>
<context>
    <name>Removal</name>
    <message>
        <source>Delete %1 %2?</source>
        <extracomment>How many kinds of contents are named before the rest are counted together.</extracomment>
        <translation>%1「%2」を削除しますか？</translation>
    </message>
    <message>
        <source>Delete %1 resources (%2)?</source>
        <translation>%1個のリソース（%2）を削除しますか？</translation>
    </message>
    <message>
        <source>%1 other resource</source>
        <translation>その他のリソース%1個</translation>
    </message>
    <message>
        <source>%1 other resources</source>
        <translation>その他のリソース%1個</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>removes: %1</source>
        <translation>削除：%1</translation>
    </message>
    <message>
        <source>clears: %1</source>
        <translation>解除：%1</translation>
    </message>
    <message>
        <source>leaves %1 route as a blackhole</source>
        <translation>ルート%1個がブラックホールになる</translation>
    </message>
    <message>
        <source>leaves %1 routes as blackholes</source>
        <translation>ルート%1個がブラックホールになる</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 This also %2.</source>
        <translation>%1 あわせて%2．</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2中%1</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation>ほか%1件</translation>
    </message>
</context>
<context>
    <name>ResizeHandle</name>
    <message>
        <source>Drag to resize</source>
        <extracomment>Resize grips, named by the edges they move.</extracomment>
        <translation>ドラッグしてサイズを変更</translation>
    </message>
</context>
<context>
    <name>ResourcePage</name>
    <message>
        <source>in %1</source>
        <extracomment>Ids the user wants selected on the canvas (a reference&apos;s target, a referrer).</extracomment>
        <translation>%1の中</translation>
    </message>
    <message>
        <source>on the canvas, outside every container</source>
        <translation>キャンバス上（どの枠の外）</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) selected</source>
        <translation>
            <numerusform>%n個のリソースを選択中</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one resource at a time to edit: %1.</source>
        <translation>次の項目は1つずつ選択して編集する：%1．</translation>
    </message>
    <message>
        <source>✓ No problems found here.</source>
        <translation>✓ ここには問題は見つからない．</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>問題（%1）</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>対処：%1</translation>
    </message>
    <message>
        <source>… and %1 more in the Problems panel.</source>
        <translation>…ほか%1件は問題パネルにある．</translation>
    </message>
    <message>
        <source>Referred to by</source>
        <translation>参照元</translation>
    </message>
</context>
<context>
    <name>RuleLessonDialog</name>
    <message>
        <source>Why? — %1</source>
        <translation>なぜ？ — %1</translation>
    </message>
    <message>
        <source>Involves:</source>
        <translation>関係するリソース：</translation>
    </message>
    <message>
        <source>How to fix it:</source>
        <translation>直し方：</translation>
    </message>
    <message>
        <source>Why it matters:</source>
        <translation>なぜ重要か：</translation>
    </message>
    <message>
        <source>AWS documentation:</source>
        <translation>AWSのドキュメント：</translation>
    </message>
</context>
<context>
    <name>SeverityCounts</name>
    <message numerus="yes">
        <source>%n error(s): click to list them</source>
        <translation>
            <numerusform>エラー%n件：クリックで一覧を表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): click to list them</source>
        <translation>
            <numerusform>警告%n件：クリックで一覧を表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s): click to list them</source>
        <translation>
            <numerusform>情報%n件：クリックで一覧を表示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SolutionDialog</name>
    <message>
        <source>In the solution, not in your design</source>
        <translation>模範解答にあり，自分の設計にない</translation>
    </message>
    <message>
        <source>Different in your design</source>
        <translation>自分の設計で異なる</translation>
    </message>
    <message>
        <source>In your design, not in the solution</source>
        <translation>自分の設計にあり，模範解答にない</translation>
    </message>
    <message>
        <source>Your design matches the solution.</source>
        <translation>自分の設計は模範解答と一致している．</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>container</source>
        <translation>枠</translation>
    </message>
    <message>
        <source>Yours: %1
Solution: %2</source>
        <translation>自分：%1
模範解答：%2</translation>
    </message>
    <message>
        <source>Reference Solution — %1</source>
        <translation>模範解答 — %1</translation>
    </message>
    <message>
        <source>How your design differs</source>
        <translation>自分の設計との違い</translation>
    </message>
    <message>
        <source>Read-only: nothing here changes your design. Resources are matched by id, so one you created under another id appears in both lists.</source>
        <translation>読み取り専用：ここでは設計は変わらない．リソースはIDで対応付けるので，別のIDで作ったものは両方の一覧に出る．</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <source>Yours → solution</source>
        <translation>自分 → 模範解答</translation>
    </message>
    <message>
        <source>Zoom to Fit</source>
        <translation>全体を表示</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>(differs)</source>
        <extracomment>Stands for &quot;the selected resources differ here&quot;. Given the kinds a reference may name, the resources that fit: ``[(id, label, kind)]``. The user asked to see a referenced resource on the canvas.</extracomment>
        <translation>（異なる）</translation>
    </message>
</context>
<context>
    <name>TextListEditor</name>
    <message>
        <source>+ Add</source>
        <translation>+ 追加</translation>
    </message>
    <message>
        <source>Add an item to %1</source>
        <translation>%1に項目を追加</translation>
    </message>
    <message>
        <source>The selected resources differ here.</source>
        <translation>選択したリソースでここが異なる．</translation>
    </message>
</context>
<context>
    <name>TraceChooser</name>
    <message>
        <source>the internet</source>
        <translation>インターネット</translation>
    </message>
    <message>
        <source>%1 (AWS service)</source>
        <translation>%1（AWSサービス）</translation>
    </message>
    <message>
        <source>Choose two different places to trace between.</source>
        <translation>トレースする異なる2か所を選ぶ．</translation>
    </message>
    <message>
        <source>Trace a Path</source>
        <translation>経路をトレース</translation>
    </message>
    <message>
        <source>From</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>the destination&apos;s own</source>
        <translation>宛先のポート</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>トレース</translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>From</source>
        <extracomment>Draw this path on the canvas: hop ids (in order), the blocking component (or None), and a tooltip per id. Nothing traced any more: clear the canvas drawing. The user wants to pick the two ends on the canvas. A hop was clicked: select what it checked (a security group, a route table...).</extracomment>
        <translation>送信元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Swap source and destination</source>
        <translation>送信元と宛先を入れ替える</translation>
    </message>
    <message>
        <source>the destination&apos;s own</source>
        <translation>宛先のポート</translation>
    </message>
    <message>
        <source>A database&apos;s port, a load balancer&apos;s HTTPS listener, else 443</source>
        <translation>データベースのポート，ロードバランサーのHTTPSリスナー，それ以外は443</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>トレース</translation>
    </message>
    <message>
        <source>Pick on Canvas</source>
        <translation>キャンバスで選ぶ</translation>
    </message>
    <message>
        <source>Click the source, then the destination (the empty canvas is the internet)</source>
        <translation>送信元，次に宛先をクリックする（何もない場所はインターネット）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Every concrete path (one per subnet of each end) must pass</source>
        <translation>具体的な経路（両端のサブネットごとに1本）がすべて通る必要がある</translation>
    </message>
    <message>
        <source>Click a name to select it on the canvas</source>
        <translation>名前をクリックするとキャンバス上で選択する</translation>
    </message>
    <message>
        <source>Choose a source and a destination.</source>
        <translation>送信元と宛先を選ぶ．</translation>
    </message>
    <message>
        <source>Pick a source and a destination, then Trace. Kumozu follows the packet through security groups, network ACLs, route tables and gateways, there and back.</source>
        <translation>送信元と宛先を選んでトレースする．Kumozuはパケットを，セキュリティグループ，ネットワークACL，ルートテーブル，ゲートウェイを通して，行きと戻りの両方でたどる．</translation>
    </message>
    <message>
        <source>Cannot trace</source>
        <translation>トレースできない</translation>
    </message>
    <message>
        <source>%1 → %2 on %3</source>
        <translation>%1 → %2（%3）</translation>
    </message>
    <message>
        <source>Way: %1</source>
        <translation>経路：%1</translation>
    </message>
    <message>
        <source>(all %1 paths)</source>
        <translation>（%1本の経路すべて）</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>blocked on the way there at %1</source>
        <translation>行きの通信が%1で止められている</translation>
    </message>
    <message>
        <source>blocked on the way back at %1</source>
        <translation>戻りの通信が%1で止められている</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>到達不可</translation>
    </message>
    <message>
        <source>There</source>
        <translation>行き</translation>
    </message>
    <message>
        <source>Back (the reply)</source>
        <translation>戻り（応答）</translation>
    </message>
    <message>
        <source>(show)</source>
        <translation>（表示）</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>コード：</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>What to change:</source>
        <translation>変えること：</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注：%1</translation>
    </message>
    <message>
        <source>the internet</source>
        <translation>インターネット</translation>
    </message>
</context>
<context>
    <name>TraceTool</name>
    <message>
        <source>Trace: click the source (a resource, or empty canvas for the internet).</source>
        <extracomment>What the trace tool reports when the empty canvas (outside every container) is picked.</extracomment>
        <translation>トレース：送信元をクリックする（リソース，またはインターネットなら何もない場所）．</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>送信元：%1</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>宛先：%1</translation>
    </message>
    <message>
        <source>Pick a resource</source>
        <translation>リソースを選ぶ</translation>
    </message>
    <message>
        <source>the internet</source>
        <translation>インターネット</translation>
    </message>
    <message>
        <source>Trace from %1: now click the destination.</source>
        <translation>%1からトレース：次に宛先をクリックする．</translation>
    </message>
</context>
<context>
    <name>UnresolvedView</name>
    <message>
        <source>Unresolved: %1
The file gives no value Kumozu can use here (a template parameter or imported value). It is kept as written.</source>
        <translation>未解決：%1
ファイルにはKumozuが使える値がない（テンプレートのパラメータやインポートした値）．書かれたまま保持する．</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty design</source>
        <translation>新しい空の設計を始める</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a Kumozu design or a CloudFormation template</source>
        <translation>Kumozuの設計かCloudFormationテンプレートを開く</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation>設計を保存する</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the design under a new name</source>
        <translation>設計に新しい名前を付けて保存する</translation>
    </message>
    <message>
        <source>&amp;PNG Image…</source>
        <translation>PNG画像(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;SVG Drawing…</source>
        <translation>SVG図(&amp;S)…</translation>
    </message>
    <message>
        <source>P&amp;DF Document…</source>
        <translation>PDF文書(&amp;D)…</translation>
    </message>
    <message>
        <source>Kumozu &amp;Design (YAML)…</source>
        <translation>Kumozuの設計（YAML）(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;CloudFormation Template (YAML)…</source>
        <translation>CloudFormationテンプレート（YAML）(&amp;C)…</translation>
    </message>
    <message>
        <source>CloudFormation Template (&amp;JSON)…</source>
        <translation>CloudFormationテンプレート（JSON）(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selection (and say what goes with it)</source>
        <translation>選択したものを削除する（一緒に消えるものを示す）</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>水平方向に均等配置(&amp;H)</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>垂直方向に均等配置(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>全体を表示(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole design</source>
        <translation>設計全体を表示する</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>グリッドに合わせる(&amp;S)</translation>
    </message>
    <message>
        <source>Show &amp;Implied Flows</source>
        <translation>想定される通信を表示(&amp;I)</translation>
    </message>
    <message>
        <source>Draw the flows the design implies: green when they pass, red dashed when they are blocked</source>
        <translation>設計から想定される通信を描く．通れば緑，止められれば赤の破線</translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation>次の問題(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Problem</source>
        <translation>前の問題(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Select and Move</source>
        <translation>選択と移動(&amp;S)</translation>
    </message>
    <message>
        <source>Select, move and resize (V)</source>
        <translation>選択，移動，サイズ変更（V）</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <source>Drag from one resource to another to relate them (C)</source>
        <translation>リソースから別のリソースへドラッグして関連付ける（C）</translation>
    </message>
    <message>
        <source>&amp;Trace a Path</source>
        <translation>経路をトレース(&amp;T)</translation>
    </message>
    <message>
        <source>Pick a source and a destination: can traffic flow? (T)</source>
        <translation>送信元と宛先を選ぶ：通信は届くか？（T）</translation>
    </message>
    <message>
        <source>&amp;About Kumozu</source>
        <translation>Kumozuについて(&amp;A)</translation>
    </message>
    <message>
        <source>Align &amp;Left Edges</source>
        <translation>左端を揃える(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;Horizontal Centres</source>
        <translation>水平方向の中央を揃える(&amp;H)</translation>
    </message>
    <message>
        <source>Align &amp;Right Edges</source>
        <translation>右端を揃える(&amp;R)</translation>
    </message>
    <message>
        <source>Align &amp;Top Edges</source>
        <translation>上端を揃える(&amp;T)</translation>
    </message>
    <message>
        <source>Align &amp;Vertical Centres</source>
        <translation>垂直方向の中央を揃える(&amp;V)</translation>
    </message>
    <message>
        <source>Align &amp;Bottom Edges</source>
        <translation>下端を揃える(&amp;B)</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>Open E&amp;xample</source>
        <translation>サンプルを開く(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>A&amp;lign</source>
        <translation>整列(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>パネル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>undo/redo and the step&apos;s name</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>最近使ったファイルはない</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>メニューを消去(&amp;C)</translation>
    </message>
    <message>
        <source>No examples installed</source>
        <translation>サンプルがインストールされていない</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>the canvas outside every container</source>
        <extracomment>First words of kind labels that are ordinary nouns, written in lower case inside a sentence (&quot;3 subnets&quot;); the others are names (&quot;2 Availability Zones&quot;, &quot;1 Lambda function&quot;).</extracomment>
        <translation>キャンバス上（どの枠の外）</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1×%2</translation>
    </message>
</context>
<context>
    <name>_EndPicker</name>
    <message>
        <source>internet</source>
        <extracomment>Kinds a trace can start or end at (docs/tracing.md, &quot;The two ends&quot;); any id may still be typed.</extracomment>
        <translation>インターネット</translation>
    </message>
    <message>
        <source>%1 (AWS service)</source>
        <translation>%1（AWSサービス）</translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
</TS>
