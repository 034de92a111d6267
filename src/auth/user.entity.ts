import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '../domain/roles';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  username!: string;

  @Column()
  passwordHash!: string;

  @Column()
  fullName!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** Where notifications are mailed, encrypted (context `users.email`); read only where it is shown or used. */
  @Column({ type: 'text', nullable: true, select: false })
  emailEnc!: string | null;

  @Column()
  areaCode!: string;

  @Column({ default: true })
  active!: boolean;

  /** Raised by a password change or a deactivation: tokens carrying an older one are refused. */
  @Column({ default: 0 })
  tokenVersion!: number;

  /** The password was set by an admin: its first use must choose a new one (POST /auth/password). */
  @Column({ default: false })
  mustChangePassword!: boolean;

  /** The admin who set the present password, while the user has not chosen its own (null otherwise). */
  @Column({ type: 'uuid', nullable: true })
  passwordSetBy!: string | null;

  /** When that admin set it. */
  @Column({ type: 'timestamptz', nullable: true })
  passwordSetAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
